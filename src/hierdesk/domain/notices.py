"""The "approved" and "rejected" notifications to a requester (DOMAIN.md rule 14).

Written in the requester's language, whatever language the clerk works in. Japanese
letters address a person with 様 and a company or department with 御中 — never both:
``株式会社みなと商事 営業部 山田 太郎 様`` or ``株式会社みなと商事 営業部 御中``.
"""

from __future__ import annotations

from dataclasses import dataclass

from hierdesk.i18n.core import N_, translations_for


@dataclass(frozen=True, slots=True)
class Addressee:
    company: str | None
    department: str | None
    last_name: str | None
    first_name: str | None


@dataclass(frozen=True, slots=True)
class Notice:
    kind: str  # approved | rejected
    language: str
    recipient: str
    subject: str
    body: str


def address_block(who: Addressee, language: str) -> str:
    """The lines that open the letter: the addressee with the right honorific."""
    person = " ".join(p for p in (who.last_name, who.first_name) if p)
    if language == "ja":
        lines = [p for p in (who.company, who.department) if p]
        if person:
            lines.append(f"{person} 様")
        elif lines:
            lines[-1] = f"{lines[-1]} 御中"
        return "\n".join(lines)
    # Given name first for Latin names only: a name in kanji or kana keeps family name first
    # in any language (the person customer's name follows the same rule).
    latin = (who.first_name or "").isascii() and (who.last_name or "").isascii()
    order = (who.first_name, who.last_name) if latin else (who.last_name, who.first_name)
    english = " ".join(p for p in order if p)
    if english:
        return f"Dear {english},"
    return f"Dear {who.company} team," if who.company else "Dear customer,"


def _language(language: str) -> str:
    return language if language in ("ja", "en") else "ja"


def approved(
    *,
    language: str,
    recipient: str,
    who: Addressee,
    site: str,
    account: str,
    hierarchy: str,
    role: str,
) -> Notice:
    """Tell the requester that the sign-up (or the added user) was approved."""
    lang = _language(language)
    gettext = translations_for(lang).gettext
    subject = gettext(N_("[{site}] Your B2B account has been approved")).format(site=site)
    role_text = gettext(N_("administrator") if role == "admin" else N_("user"))
    body = gettext(
        N_(
            "Thank you for applying for B2B purchasing on {site}.\n"
            "\n"
            "We have approved the application. You can now sign in to {site} with this "
            "e-mail address ({email}).\n"
            "\n"
            "Your customer account: {account}\n"
            "Your organization (customer hierarchy): {hierarchy}\n"
            "Your role: {role}\n"
            "\n"
            "If you have any questions, please reply to this message.\n"
        )
    ).format(site=site, email=recipient, account=account, hierarchy=hierarchy, role=role_text)
    return Notice(
        "approved",
        lang,
        recipient,
        subject,
        _letter(lang, who, body, site),
    )


def rejected(
    *,
    language: str,
    recipient: str,
    who: Addressee,
    site: str,
    reason: str,
) -> Notice:
    """Tell the requester that the request was not approved, and why."""
    lang = _language(language)
    gettext = translations_for(lang).gettext
    subject = gettext(N_("[{site}] About your B2B application")).format(site=site)
    body = gettext(
        N_(
            "Thank you for applying for B2B purchasing on {site}.\n"
            "\n"
            "We regret to inform you that we cannot approve the application.\n"
            "\n"
            "Reason: {reason}\n"
            "\n"
            "If you have any questions, please reply to this message.\n"
        )
    ).format(site=site, reason=reason.strip())
    return Notice("rejected", lang, recipient, subject, _letter(lang, who, body, site))


def _letter(language: str, who: Addressee, body: str, site: str) -> str:
    gettext = translations_for(language).gettext
    closing = gettext(N_("Kind regards,\n{site} B2B customer support\n")).format(site=site)
    return f"{address_block(who, language)}\n\n{body}\n{closing}"
