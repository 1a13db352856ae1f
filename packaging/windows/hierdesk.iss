; hierdesk — Inno Setup 6 script for the Windows installer.
;
; Build (from the repository root, after `pyinstaller packaging\hierdesk.spec`):
;
;   ISCC /DAppVersion=1.2.3 packaging\windows\hierdesk.iss
;
; Optional defines:
;   /DDistDir=C:\path\to\dist\hierdesk   the PyInstaller folder to package, as an absolute
;                                        path (default: ..\..\dist\hierdesk from this script)
;   /DFileVersion=1.2.3                  numeric version for the file's version resource
;                                        when AppVersion is not purely numeric (1.2.3rc1)
;   /DSign=<name>                        sign with the sign tool <name> defined by
;                                        ISCC "/S<name>=signtool.exe sign ... $f"
;
; Output: ..\..\dist\installer\hierdesk-<AppVersion>-setup.exe (relative to this script).
; See packaging/README.md for the whole procedure. Needs Inno Setup 6.3 or later (the
; x64compatible architecture identifier). The file is UTF-8 with a BOM: 6.3+ would read
; UTF-8 without it, but the BOM keeps the Japanese messages intact for any tool that
; guesses the encoding.

; ---------------------------------------------------------------------------------------
; Preprocessor (ISPP): the values that come from the command line
; ---------------------------------------------------------------------------------------

; The architecture identifier x64compatible (below) needs Inno Setup 6.3 or later.
#if VER < EncodeVer(6,3,0)
  #error Inno Setup 6.3 or later is required to compile this script.
#endif

; The version is never guessed: it must be the package's version, passed by whoever builds.
#ifndef AppVersion
  #error AppVersion is not defined. Run: ISCC /DAppVersion=<version> packaging\windows\hierdesk.iss (the version is printed by: python -c "import hierdesk; print(hierdesk.__version__)")
#endif

; SourcePath is ISPP's predefined variable: the folder of this .iss file, with a trailing
; backslash, so the default works whatever the current directory of ISCC is.
#ifndef DistDir
  #define DistDir SourcePath + "..\..\dist\hierdesk"
#endif

; Fail at compile time, with a clear message, rather than producing an empty installer.
#if !FileExists(AddBackslash(DistDir) + "hierdesk.exe")
  #error hierdesk.exe not found in DistDir. Build the bundle first: pyinstaller packaging\hierdesk.spec --noconfirm (or pass /DDistDir=...)
#endif
#if !FileExists(AddBackslash(DistDir) + "hierdesk-cli.exe")
  #error hierdesk-cli.exe not found in DistDir. The bundle is incomplete; rebuild it with pyinstaller packaging\hierdesk.spec --noconfirm
#endif

; VersionInfoVersion accepts only up to four numbers (1.2.3 or 1.2.3.4); a pre-release
; AppVersion such as 1.2.3rc1 needs /DFileVersion=1.2.3 besides.
#ifndef FileVersion
  #define FileVersion AppVersion
#endif

#define AppName "hierdesk"
#define AppExe "hierdesk.exe"
; Must equal the ID the application sets for its process (SetCurrentProcessExplicitAppUserModelID),
; otherwise the taskbar does not group the running window with the Start-menu shortcut.
#define AppUserModelID "hierdesk.hierdesk"

[Setup]
; AppId identifies this application to every later installer (upgrades, uninstall entry
; "{AppId}_is1"): never change it. The doubled opening brace is how a literal "{" is
; written in Inno Setup (a single one would start a constant).
AppId={{24F32A8D-2DD2-4E39-AE92-75F3648A70D0}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=hierdesk
VersionInfoVersion={#FileVersion}
VersionInfoProductName={#AppName}
VersionInfoProductVersion={#FileVersion}
VersionInfoDescription={#AppName} Setup

; Per-user installation without administrator rights by default. "dialog" lets the user
; choose "install for all users" (which then asks for elevation) in a dialog at start-up;
; it also allows the /ALLUSERS and /CURRENTUSER command-line switches ("dialog" implies
; "commandline"; both are listed for clarity). UsePreviousPrivileges (default yes) makes
; an upgrade reuse the mode of the existing installation.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline

; {autopf} is "%LOCALAPPDATA%\Programs" in per-user mode and "C:\Program Files" (the
; 64-bit one, see ArchitecturesInstallIn64BitMode) in all-users mode.
DefaultDirName={autopf}\{#AppName}
; Start-menu folder: {group} resolves to the user's or to the common Programs folder
; according to the install mode. The folder page is not worth showing for one folder.
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes

; The bundle contains only x64 binaries (64-bit Python and Qt). x64compatible also admits
; Arm64 Windows 11, which runs x64 programs by emulation; 64-bit install mode selects the
; native Program Files and the 64-bit registry view.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

WizardStyle=modern
; Ask for the language only when the Windows UI language is neither Japanese nor English.
ShowLanguageDialog=auto
; The installer's own icon. SourcePath (ISPP) is this script's folder with a trailing
; backslash, so the path does not depend on the current directory.
SetupIconFile={#SourcePath}..\..\src\hierdesk\resources\hierdesk.ico
; The icon shown in "Installed apps" / "Programs and Features": hierdesk.exe carries
; hierdesk.ico as its resource (icon=ICON in packaging/hierdesk.spec).
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}

; A relative OutputDir is relative to SourceDir, which by default is the script's folder.
OutputDir=..\..\dist\installer
OutputBaseFilename={#AppName}-{#AppVersion}-setup

; LZMA2 with solid compression: the smallest setup for a folder of many small files
; (Python modules, Qt plug-ins); slower to compile, which does not matter here.
Compression=lzma2
SolidCompression=yes

; Optional code signing (see packaging/README.md): with /DSign=<name> and a sign tool of
; that name given to ISCC with /S<name>=<command ... $f>, the compiler signs Setup and the
; uninstaller itself, including the temporary copies Setup makes of itself, which signing
; the finished setup.exe afterwards would leave unsigned.
#ifdef Sign
SignTool={#Sign}
#endif

; The optional "add to PATH" task changes the environment: at the end of the installation
; (and of the uninstallation) Setup tells running programs, notably Explorer, to reload it,
; so new console windows see the change without logging off.
ChangesEnvironment=yes

; If hierdesk is running during an upgrade or uninstall, Setup offers to close it through
; the Restart Manager (the default, stated for clarity), so that no file is left locked.
CloseApplications=yes

[Languages]
; The order matters only as the fallback: Setup picks the language matching the Windows
; UI language and otherwise the first one. Japanese.isl ships with Inno Setup 6.
Name: "ja"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
; CreateDesktopIcon, AdditionalIcons and LaunchProgram come with the two .isl files.
ja.DemoShortcutName=hierdesk（デモ用データベース）
en.DemoShortcutName=hierdesk (demo database)
ja.MainShortcutComment=取引先企業の登録審査と顧客階層の管理
en.MainShortcutComment=Partner approvals and customer hierarchies
ja.DemoShortcutComment=サンプルデータ入りのデモ用データベースで hierdesk を起動します
en.DemoShortcutComment=Opens hierdesk on the demo database with sample data
ja.AddToPathTask=コマンドライン ツール hierdesk-cli をコマンド プロンプトから使えるようにする（PATH に追加）
en.AddToPathTask=Make the command-line tool hierdesk-cli available in console windows (add to PATH)
ja.CommandLineGroup=コマンドライン:
en.CommandLineGroup=Command line:
; Shown at the end of an interactive uninstallation, with the data folder between the first
; and the second paragraph.
ja.DataKept1=hierdesk のアンインストールが完了しました。データベース、設定、バックアップ、ログは削除されず、次のフォルダーに残っています。
en.DataKept1=hierdesk has been uninstalled. Your databases, settings, backups and logs have not been deleted; they remain in this folder:
ja.DataKept2=再インストールすると、これまでのデータをそのままご利用いただけます。なお、このフォルダーは Windows のユーザーごとに作成されています。
en.DataKept2=If you install hierdesk again, it will use this data as before. Each Windows user has a folder of their own.
ja.DataKept3=不要な場合は、エクスプローラーのアドレス バーに上記のパスを入力してフォルダーを開き、「hierdesk」フォルダーを手動で削除してください。削除したデータは元に戻せませんので、必要なデータベースは事前に別の場所へコピーしてください。
en.DataKept3=To remove them, type the path above into the address bar of File Explorer and delete the "hierdesk" folder by hand. This cannot be undone: copy any database you still need elsewhere first.

[Tasks]
; Both unchecked: the user opts in. Task choices are remembered for upgrades (UsePreviousTasks).
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "{cm:AddToPathTask}"; GroupDescription: "{cm:CommandLineGroup}"; Flags: unchecked

[Files]
; The whole PyInstaller folder: hierdesk.exe, hierdesk-cli.exe and _internal\ (Python, Qt,
; catalogs, icon). ignoreversion: always replace on upgrade (the bundle's DLLs are private
; to hierdesk, never shared system files). recursesubdirs + createallsubdirs: the whole
; tree, including folders that happen to be empty.
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade must not leave modules of the previous version beside the new ones (Python
; would import a stale file that the new bundle no longer has). _internal is entirely
; ours and is reinstalled right after. User data is never under {app}.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
; AppUserModelID: the same ID the application sets at start-up, so the taskbar groups the
; running window with this shortcut and a pinned icon starts hierdesk again.
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{cm:MainShortcutComment}"; AppUserModelID: "{#AppUserModelID}"
; The demo shortcut deliberately carries no AppUserModelID: the window still groups under
; hierdesk.hierdesk (the process sets it), and pinning it resolves to the main shortcut
; above, so a pinned taskbar icon opens the real database, not the demo one.
Name: "{group}\{cm:DemoShortcutName}"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"; WorkingDir: "{app}"; Comment: "{cm:DemoShortcutComment}"
; {autodesktop}: the user's or the common desktop according to the install mode.
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{cm:MainShortcutComment}"; AppUserModelID: "{#AppUserModelID}"; Tasks: desktopicon

[Run]
; Offer to start hierdesk on the last page; never in a silent installation (skipifsilent),
; nowait so that Setup can finish while the application runs.
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the uninstaller removes only what Setup installed. The user's
; databases (hierdesk.sqlite3, demo.sqlite3), settings, backups and logs live in
; %LOCALAPPDATA%\hierdesk\hierdesk (platformdirs), outside {app}, and are kept on purpose.

[Code]
// -------------------------------------------------------------------------------------
// PATH handling for the "addtopath" task.
//
// Per-user installs change the user's PATH (HKCU\Environment), all-users installs the
// machine's PATH (HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment).
// Only the entry equal to the installation folder is added or removed (compared
// case-insensitively, ignoring quotes and a trailing backslash); every other entry is
// kept as it was, in its order and with its spelling, unexpanded %VARIABLES% included.
// (Comments in this section use // only: a { } comment would end at the first closing
// brace of a constant such as the app folder's.)
// -------------------------------------------------------------------------------------

const
  UserEnvKey = 'Environment';
  SystemEnvKey = 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment';

// The form used to compare two PATH entries.
function NormalizeEntry(const Entry: String): String;
begin
  Result := Lowercase(RemoveBackslashUnlessRoot(Trim(RemoveQuotes(Trim(Entry)))));
end;

// Splits a PATH value on ';' into its entries, empty ones included, so that joining
// them again with ';' gives back exactly the original text.
procedure SplitPath(const Value: String; var Entries: TArrayOfString);
var
  Rest: String;
  P, N: Integer;
begin
  SetArrayLength(Entries, 0);
  N := 0;
  Rest := Value;
  repeat
    P := Pos(';', Rest);
    SetArrayLength(Entries, N + 1);
    if P > 0 then
    begin
      Entries[N] := Copy(Rest, 1, P - 1);
      Rest := Copy(Rest, P + 1, Length(Rest));
    end
    else
      Entries[N] := Rest;
    N := N + 1;
  until P = 0;
end;

// The PATH value, or '' when there is none (a new user profile may have no user PATH
// at all). RegQueryStringValue reads REG_SZ and REG_EXPAND_SZ without expanding.
function ReadPath(Root: Integer; const SubKey: String): String;
var
  Value: String;
begin
  if RegQueryStringValue(Root, SubKey, 'Path', Value) then
    Result := Value
  else
    Result := '';
end;

// Writes PATH back as REG_EXPAND_SZ, the type Windows itself uses, so that entries like
// %USERPROFILE%\bin keep working. A user PATH left empty is deleted rather than kept
// empty; the machine PATH is never deleted.
procedure WritePath(Root: Integer; const SubKey, Value: String);
begin
  if (Value = '') and (Root = HKCU) then
  begin
    if RegValueExists(Root, SubKey, 'Path') then
      RegDeleteValue(Root, SubKey, 'Path');
  end
  else if not RegWriteExpandStringValue(Root, SubKey, 'Path', Value) then
    Log('Could not write PATH in ' + SubKey);
end;

function PathContains(const Value, Dir: String): Boolean;
var
  Entries: TArrayOfString;
  I: Integer;
begin
  Result := False;
  SplitPath(Value, Entries);
  for I := 0 to GetArrayLength(Entries) - 1 do
    if NormalizeEntry(Entries[I]) = NormalizeEntry(Dir) then
    begin
      Result := True;
      Exit;
    end;
end;

procedure AddToPath(Root: Integer; const SubKey, Dir: String);
var
  Value: String;
begin
  Value := ReadPath(Root, SubKey);
  if PathContains(Value, Dir) then
    Exit;  // already there: a reinstall must not add it twice
  if Value = '' then
    Value := Dir
  else if Value[Length(Value)] = ';' then
    Value := Value + Dir
  else
    Value := Value + ';' + Dir;
  WritePath(Root, SubKey, Value);
  Log('Added to PATH (' + SubKey + '): ' + Dir);
end;

procedure RemoveFromPath(Root: Integer; const SubKey, Dir: String);
var
  Value, NewValue: String;
  Entries: TArrayOfString;
  I: Integer;
  First: Boolean;
begin
  Value := ReadPath(Root, SubKey);
  if not PathContains(Value, Dir) then
    Exit;  // nothing of ours: leave the value untouched, byte for byte
  SplitPath(Value, Entries);
  NewValue := '';
  First := True;
  for I := 0 to GetArrayLength(Entries) - 1 do
    if NormalizeEntry(Entries[I]) <> NormalizeEntry(Dir) then
    begin
      if First then
        NewValue := Entries[I]
      else
        NewValue := NewValue + ';' + Entries[I];
      First := False;
    end;
  WritePath(Root, SubKey, NewValue);
  Log('Removed from PATH (' + SubKey + '): ' + Dir);
end;

// The PATH an installation in the current mode owns. IsAdminInstallMode is True in an
// all-users installation (and in the uninstaller when it runs elevated, as it does for
// an all-users installation).
procedure AddToOwnPath(const Dir: String);
begin
  if IsAdminInstallMode then
    AddToPath(HKLM, SystemEnvKey, Dir)
  else
    AddToPath(HKCU, UserEnvKey, Dir);
end;

// Removal looks in the user's PATH always (an entry there that equals our folder can
// only be ours, and a per-user uninstaller started from an elevated prompt still
// finds it) and in the machine's PATH when running with administrative rights.
procedure RemoveFromAllPaths(const Dir: String);
begin
  RemoveFromPath(HKCU, UserEnvKey, Dir);
  if IsAdminInstallMode then
    RemoveFromPath(HKLM, SystemEnvKey, Dir);
end;

// After the files are installed: add the folder to PATH if the task is chosen, and
// remove it if an earlier installation added it and the user has now unchecked it.
procedure CurStepChanged(CurStep: TSetupStep);
begin
  if CurStep = ssPostInstall then
  begin
    if WizardIsTaskSelected('addtopath') then
      AddToOwnPath(ExpandConstant('{app}'))
    else
      RemoveFromAllPaths(ExpandConstant('{app}'));
  end;
end;

// Uninstall: take the folder out of PATH (whether or not the task was chosen: nothing
// happens if it is absent) and, at the very end, say that the user's data was kept.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usUninstall then
    RemoveFromAllPaths(ExpandConstant('{app}'));

  if CurUninstallStep = usPostUninstall then
  begin
    // Shown with the variable, not expanded: for an all-users installation the
    // uninstaller runs as an administrator, and every user has a folder of their own.
    // (platformdirs puts data, settings and logs in %LOCALAPPDATA%\hierdesk\hierdesk.)
    DataDir := '%LOCALAPPDATA%\hierdesk';
    Log('User data kept in ' + DataDir);
    // No message box in a silent uninstallation (/SILENT, /VERYSILENT): unattended
    // removals by IT must not wait for a click.
    if not UninstallSilent then
      MsgBox(CustomMessage('DataKept1') + #13#10#13#10 + DataDir + #13#10#13#10 +
             CustomMessage('DataKept2') + #13#10#13#10 + CustomMessage('DataKept3'),
             mbInformation, MB_OK);
  end;
end;
