"""How notifications to partners leave hierdesk (DOMAIN.md rule 14).

Approval and rejection notifications go by SMTP when an SMTP server is configured, and
otherwise into an outbox folder as RFC 5322 ``.eml`` files for another program to send.
The transport is a company-wide setting kept in the database (``AppSetting`` key
``notifications``).

The SMTP password is never stored in the database or in the settings file: it goes into the
operating system's keyring through the optional ``keyring`` package, or nowhere — without
it, messages are sent without signing in.
"""

from __future__ import annotations

import base64
import contextlib
import email.policy
import importlib
import logging
import os
import re
import smtplib
import socket
import ssl
import tempfile
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime as rfc5322_date
from email.utils import make_msgid, parseaddr
from pathlib import Path
from types import ModuleType
from typing import Any, Final

from hierdesk import paths
from hierdesk.data.schema import AppSetting, utcnow
from hierdesk.domain.errors import RuleError, ValidationError
from hierdesk.i18n.core import N_, _, current_language, normalize_language, translations_for
from hierdesk.i18n.formatting import format_datetime
from hierdesk.services import audit, stale
from hierdesk.services.context import Context

__all__ = [
    "DEFAULT_PORT",
    "MODES",
    "SETTING_KEY",
    "SMTP_TIMEOUT_S",
    "Transport",
    "build_test_message",
    "default_outbox",
    "deliver",
    "forget_password",
    "get_transport",
    "keyring_available",
    "load_password",
    "outbox_folder",
    "password_state",
    "send_test_message",
    "set_transport",
    "store_password",
]

log = logging.getLogger(__name__)

SETTING_KEY: Final = "notifications"
MODES: Final = ("smtp", "outbox")
DEFAULT_PORT: Final = 587
SMTP_TIMEOUT_S: Final = 10
#: The keyring entry of a password is ``(KEYRING_SERVICE + host, username)``.
KEYRING_SERVICE: Final = "hierdesk SMTP "
#: ``From`` of messages written to the outbox when no sender address is configured.
FALLBACK_SENDER: Final = "hierdesk@localhost"

_HOST: Final = re.compile(r"^[A-Za-z0-9._\-:\[\]]{1,253}$")
_ADDRESS: Final = re.compile(r"^[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+$")


@dataclass(frozen=True, slots=True)
class Transport:
    """The notification transport as configured (never holds a password)."""

    mode: str = "outbox"  # "smtp" | "outbox"
    host: str = ""
    port: int = DEFAULT_PORT
    starttls: bool = True
    sender: str = ""
    outbox: str = ""  # "" means the default folder of this desk (see default_outbox())
    username: str = ""
    changed_by: str | None = None
    changed_at: datetime | None = None

    def stored(self) -> dict[str, Any]:
        """What goes into the database (no password, no bookkeeping)."""
        values = asdict(self)
        values.pop("changed_by")
        values.pop("changed_at")
        return values


def default_outbox() -> Path:
    """The outbox folder used when none is configured: ``outbox`` in the user data folder."""
    return paths.data_dir() / "outbox"


def outbox_folder(transport: Transport) -> Path:
    return Path(transport.outbox).expanduser() if transport.outbox else default_outbox()


# --- the setting -------------------------------------------------------------------------


def _from_stored(value: object, by: str | None, at: datetime | None) -> Transport:
    if not isinstance(value, dict):
        return Transport(changed_by=by, changed_at=at)
    base = Transport()

    def text(key: str) -> str:
        item = value.get(key)
        return item if isinstance(item, str) else ""

    port = value.get("port")
    mode = value.get("mode")
    return Transport(
        mode=mode if mode in MODES else base.mode,
        host=text("host"),
        port=port if isinstance(port, int) and 0 < port < 65536 else base.port,
        starttls=bool(value.get("starttls", base.starttls)),
        sender=text("sender"),
        outbox=text("outbox"),
        username=text("username"),
        changed_by=by,
        changed_at=at,
    )


def get_transport(ctx: Context) -> Transport:
    """The configured transport (the outbox folder of this desk when nothing is set)."""
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view the notification settings"))
        row = session.get(AppSetting, SETTING_KEY)
        if row is None:
            return Transport()
        return _from_stored(row.value, row.changed_by, row.changed_at)


def _address(value: str) -> str | None:
    """The bare address of ``value`` (``a@b`` or ``Name <a@b>``), or None if it is not one."""
    if "\r" in value or "\n" in value:  # would break the header (and inject others)
        return None
    _name, addr = parseaddr(value)
    return addr if addr and _ADDRESS.match(addr) else None


def set_transport(
    ctx: Context,
    *,
    mode: str,
    host: str = "",
    port: int = DEFAULT_PORT,
    starttls: bool = True,
    sender: str = "",
    outbox: str = "",
    username: str = "",
    seen: Transport | None = None,
) -> Transport:
    """Save how notifications are sent (administrators; audited). There is deliberately no
    password parameter: use :func:`store_password`. ``seen`` is the settings the caller
    showed: if another desk has changed them since, the save is refused naming who and
    when (rule 13)."""
    host, sender, outbox, username = host.strip(), sender.strip(), outbox.strip(), username.strip()
    if mode not in MODES:
        raise ValidationError(
            "notification_mode_invalid",
            N_("{field}: “{value}” is not a way of sending; use one of {choices}."),
            field="mode",
            value=mode,
            choices=", ".join(MODES),
        )
    if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
        raise ValidationError(
            "smtp_port_invalid",
            N_("{field}: a port is a number from 1 to 65535; got “{value}”."),
            field="port",
            value=port,
        )
    if mode == "smtp" and not host:
        raise ValidationError(
            "smtp_host_missing",
            N_("{field}: sending by SMTP needs the name or address of the mail server."),
            field="host",
        )
    if host and (not _HOST.match(host) or "://" in host):
        raise ValidationError(
            "smtp_host_invalid",
            N_(
                "{field}: “{value}” is not a server name or address; give it without "
                "“smtp://” or a port, e.g. smtp.example.jp."
            ),
            field="host",
            value=host,
        )
    if mode == "smtp" and not sender:
        raise ValidationError(
            "smtp_sender_missing",
            N_("{field}: sending by SMTP needs the sender address, e.g. b2b@example.jp."),
            field="sender",
        )
    if sender and _address(sender) is None:
        raise ValidationError(
            "sender_invalid",
            N_("{field}: “{value}” is not an e-mail address."),
            field="sender",
            value=sender,
        )
    if outbox and not Path(outbox).expanduser().is_absolute():
        raise ValidationError(
            "outbox_not_absolute",
            N_("{field}: give the outbox folder as a full path; got “{value}”."),
            field="outbox",
            value=outbox,
        )
    if len(username) > 254 or len(outbox) > 1000:
        raise ValidationError(
            "notification_value_too_long",
            N_("{field}: the value is too long."),
            field="username" if len(username) > 254 else "outbox",
        )
    new = Transport(mode, host, port, bool(starttls), sender, outbox, username)
    with ctx.db.write() as session:
        ctx.require(session, "administrator", N_("change the notification settings"))
        row = session.get(AppSetting, SETTING_KEY)
        before = _from_stored(row.value if row else None, None, None).stored()
        if seen is not None:
            stale.check_value(
                session,
                seen.stored(),
                before,
                stale.record(N_("The notification settings")),
                row=row,
            )
        after = new.stored()
        now = utcnow()
        if row is not None and before == after and row.value == after:
            return _from_stored(row.value, row.changed_by, row.changed_at)
        if row is None:
            row = AppSetting(key=SETTING_KEY, value=after, changed_by=ctx.login, changed_at=now)
            session.add(row)
        else:
            row.value = after
            row.changed_by = ctx.login
            row.changed_at = now
        changed = [k for k in after if after[k] != before.get(k)]
        audit.record(
            session,
            ctx.login,
            "setting.change",
            "setting",
            SETTING_KEY,
            before={k: before.get(k) for k in changed},
            after={k: after[k] for k in changed},
        )
        session.flush()
        return _from_stored(after, ctx.login, now)


# --- the password, in the system keyring or nowhere --------------------------------------


def _keyring() -> ModuleType | None:
    """The optional ``keyring`` package (not a dependency of hierdesk), or None."""
    try:
        return importlib.import_module("keyring")
    except Exception:  # ImportError, or a backend that fails while loading
        return None


def keyring_available() -> bool:
    """Whether a password can be kept in the system keyring on this desk."""
    module = _keyring()
    if module is None:
        return False
    get_keyring = getattr(module, "get_keyring", None)
    if get_keyring is None:
        return True
    try:
        backend = get_keyring()
    except Exception:
        return False
    # keyring's "fail" backend (no usable keyring) and its "null" backend (discards).
    return not type(backend).__module__.startswith(
        ("keyring.backends.fail", "keyring.backends.null")
    )


def _unavailable() -> RuleError:
    return RuleError(
        "keyring_unavailable",
        N_(
            "The password cannot be stored: this computer has no system keyring that hierdesk "
            "can use (the Python package “keyring”). Messages are sent without signing in."
        ),
    )


def store_password(host: str, username: str, password: str) -> None:
    """Keep the SMTP password in the system keyring (an empty password forgets it).

    Raises RuleError when it cannot be stored; it is then stored nowhere."""
    if not password:
        forget_password(host, username)
        return
    if not host or not username:
        raise ValidationError(
            "password_needs_user",
            N_("{field}: a password is kept for a server and a user name; enter both first."),
            field="username" if host else "host",
        )
    module = _keyring()
    if module is None or not keyring_available():
        raise _unavailable()
    try:
        module.set_password(KEYRING_SERVICE + host, username, password)
        stored = module.get_password(KEYRING_SERVICE + host, username)
    except Exception as exc:
        log.warning("keyring refused the SMTP password: %s", type(exc).__name__)
        raise RuleError(
            "password_not_stored",
            N_(
                "The system keyring refused to store the password ({detail}). Messages are "
                "sent without signing in."
            ),
            detail=type(exc).__name__,
        ) from None
    if stored != password:
        raise RuleError(
            "password_not_stored",
            N_(
                "The system keyring refused to store the password ({detail}). Messages are "
                "sent without signing in."
            ),
            detail="not kept",
        )


def load_password(host: str, username: str) -> str | None:
    """The stored SMTP password, or None (none stored, or no usable keyring)."""
    if not host or not username:
        return None
    module = _keyring()
    if module is None:
        return None
    try:
        value = module.get_password(KEYRING_SERVICE + host, username)
    except Exception as exc:
        log.warning("cannot read the SMTP password from the keyring: %s", type(exc).__name__)
        return None
    return value if isinstance(value, str) and value else None


def forget_password(host: str, username: str) -> None:
    """Remove a stored password (nothing happens when there is none or no keyring)."""
    module = _keyring()
    if module is None or not host or not username:
        return
    with contextlib.suppress(Exception):
        module.delete_password(KEYRING_SERVICE + host, username)


def password_state(host: str, username: str) -> str:
    """``"stored"``, ``"not_stored"`` or ``"unavailable"`` (no usable system keyring)."""
    if not keyring_available():
        return "unavailable"
    return "stored" if load_password(host, username) else "not_stored"


# --- sending -----------------------------------------------------------------------------


def _domain(sender: str) -> str:
    addr = _address(sender) or FALLBACK_SENDER
    return addr.rpartition("@")[2] or "localhost"


def _complete(message: EmailMessage, transport: Transport) -> None:
    """Add what RFC 5322 requires and the caller left out: From, Date, Message-ID."""
    if message["To"] is None and message["Cc"] is None and message["Bcc"] is None:
        raise RuleError(
            "message_without_recipient", N_("The message has no recipient; nothing was sent.")
        )
    if message["From"] is None:
        message["From"] = transport.sender or FALLBACK_SENDER
    if message["Date"] is None:
        message["Date"] = rfc5322_date(datetime.now(UTC).astimezone())
    if message["Message-ID"] is None:
        message["Message-ID"] = make_msgid("hierdesk", domain=_domain(str(message["From"])))


def deliver(ctx: Context, message: EmailMessage, transport: Transport | None = None) -> str:
    """Send ``message`` the configured way: returns ``host:port`` after SMTP, or the path of
    the ``.eml`` file written to the outbox folder.

    From, Date and Message-ID are added when missing. Failures raise RuleError with what went
    wrong (server unreachable, sign-in refused, folder not writable …); nothing is retried."""
    if transport is None:
        transport = get_transport(ctx)
    _complete(message, transport)
    if transport.mode == "smtp":
        _send_smtp(transport, message)
        return f"{transport.host}:{transport.port}"
    return str(_write_outbox(outbox_folder(transport), message))


def _text(reply: object) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)


def _detail(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{exc.smtp_code} {_text(exc.smtp_error)}".strip()
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "; ".join(
            f"{who}: {code} {_text(reply)}" for who, (code, reply) in exc.recipients.items()
        )
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def _send_smtp(transport: Transport, message: EmailMessage) -> None:
    host, port, username = transport.host, transport.port, transport.username
    password = load_password(host, username) if username else None
    stage = "connect"
    try:
        with smtplib.SMTP(host, port, timeout=SMTP_TIMEOUT_S) as smtp:
            smtp.ehlo()
            if transport.starttls:
                stage = "starttls"
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            if username and password:
                stage = "login"
                _login(smtp, username, password)
            stage = "send"
            smtp.send_message(message)
    except smtplib.SMTPAuthenticationError as exc:
        raise RuleError(
            "smtp_auth_failed",
            N_(
                "The mail server {host} refused the sign-in of {username}: {detail}. Check the "
                "user name and store the password again."
            ),
            host=host,
            username=username,
            detail=_detail(exc),
        ) from None
    except smtplib.SMTPNotSupportedError as exc:
        if stage == "starttls":
            raise RuleError(
                "smtp_starttls_unsupported",
                N_(
                    "The mail server {host}:{port} does not offer STARTTLS. Use a port that does "
                    "(usually 587), or turn STARTTLS off only for a server inside your network."
                ),
                host=host,
                port=port,
            ) from None
        raise RuleError(
            "smtp_auth_unsupported",
            N_("The mail server {host} does not accept a sign-in: {detail}."),
            host=host,
            detail=_detail(exc),
        ) from None
    except smtplib.SMTPRecipientsRefused as exc:
        raise RuleError(
            "smtp_recipient_refused",
            N_("The mail server {host} refused the recipient: {detail}."),
            host=host,
            detail=_detail(exc),
        ) from None
    except smtplib.SMTPSenderRefused as exc:
        raise RuleError(
            "smtp_sender_refused",
            N_(
                "The mail server {host} refused the sender {sender}: {detail}. The server may "
                "require a sign-in."
            ),
            host=host,
            sender=transport.sender,
            detail=_detail(exc),
        ) from None
    except smtplib.SMTPServerDisconnected as exc:
        if stage == "connect":
            raise _unreachable(host, port, exc) from None
        raise _failed(host, port, exc) from None
    except (smtplib.SMTPException, ssl.SSLError, ssl.CertificateError) as exc:
        raise _failed(host, port, exc) from None
    except socket.gaierror:
        raise RuleError(
            "smtp_host_unknown",
            N_("The mail server {host} is not known on this network (check its name)."),
            host=host,
        ) from None
    except TimeoutError:
        raise RuleError(
            "smtp_timeout",
            N_("The mail server {host}:{port} did not answer within {seconds} seconds."),
            host=host,
            port=port,
            seconds=SMTP_TIMEOUT_S,
        ) from None
    except OSError as exc:  # connection refused, no route to the host …
        raise _unreachable(host, port, exc) from None


def _login(smtp: smtplib.SMTP, username: str, password: str) -> None:
    """Sign in; smtplib encodes credentials as ASCII only, so others go by AUTH PLAIN in
    UTF-8 (RFC 4616) directly."""
    if username.isascii() and password.isascii():
        smtp.login(username, password)
        return
    if not smtp.has_extn("auth"):
        raise smtplib.SMTPNotSupportedError("SMTP AUTH extension not supported by server.")
    if "PLAIN" not in smtp.esmtp_features.get("auth", "").upper().split():
        raise smtplib.SMTPException(
            "the server offers no sign-in method for a user name or password with non-ASCII "
            "characters"
        )
    token = base64.b64encode(f"\0{username}\0{password}".encode()).decode("ascii")
    code, reply = smtp.docmd("AUTH", "PLAIN " + token)
    if code not in (235, 503):  # 503: already signed in
        raise smtplib.SMTPAuthenticationError(code, reply)


def _failed(host: str, port: int, exc: BaseException) -> RuleError:
    return RuleError(
        "smtp_failed",
        N_("Sending through the mail server {host}:{port} failed: {detail}."),
        host=host,
        port=port,
        detail=_detail(exc),
    )


def _unreachable(host: str, port: int, exc: BaseException) -> RuleError:
    return RuleError(
        "smtp_unreachable",
        N_("The mail server {host}:{port} cannot be reached: {detail}."),
        host=host,
        port=port,
        detail=_detail(exc),
    )


def _write_outbox(folder: Path, message: EmailMessage) -> Path:
    """Write ``message`` as ``<UTC time>-<random>.eml`` (CRLF line ends, as on the wire).
    The file appears complete or not at all: readers should skip names starting with ``.``."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"{stamp}-{uuid.uuid4().hex[:12]}.eml"
    tmp: str | None = None
    try:
        data = message.as_bytes(policy=email.policy.SMTP)
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".", suffix=".eml.part", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise RuleError(
            "outbox_not_writable",
            N_("The outbox folder {folder} cannot be written: {detail}."),
            folder=str(folder),
            detail=exc.strerror or str(exc),
        ) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return target


def build_test_message(
    transport: Transport, recipient: str, language: str, login: str
) -> EmailMessage:
    """A short test e-mail in ``language`` ("ja" or "en")."""
    gettext = translations_for(normalize_language(language) or current_language()).gettext
    now = datetime.now(UTC)
    when = (
        format_datetime(now)
        if language == current_language()
        else now.astimezone().strftime("%Y-%m-%d %H:%M %z")
    )
    message = EmailMessage()
    message["Subject"] = gettext(N_("hierdesk test message"))
    message["From"] = transport.sender or FALLBACK_SENDER
    message["To"] = recipient
    body = gettext(
        N_(
            "This is a test message from hierdesk.\n"
            "\n"
            "If it reached you, notifications to partners (approvals and rejections) will "
            "travel the same way.\n"
            "\n"
            "Sent by: {login}\n"
            "At: {when}\n"
        )
    ).format(login=login, when=when)
    message.set_content(body, charset="utf-8", cte="base64")
    return message


def send_test_message(ctx: Context, recipient: str, language: str | None = None) -> str:
    """Send a test e-mail to ``recipient`` the configured way, written in ``language``
    (default: the current one). Returns what happened, in the current language."""
    recipient = recipient.strip()
    if _address(recipient) is None:
        raise ValidationError(
            "recipient_invalid",
            N_("{field}: “{value}” is not an e-mail address."),
            field="recipient",
            value=recipient,
        )
    with ctx.db.read() as session:
        ctx.require(session, "administrator", N_("send a test message"))
    transport = get_transport(ctx)
    message = build_test_message(transport, recipient, language or current_language(), ctx.login)
    where = deliver(ctx, message, transport)
    if transport.mode == "smtp":
        return _("The test message was sent to {recipient} through {server}.").format(
            recipient=recipient, server=where
        )
    return _("The test message was written to {path}.").format(path=where)
