; Inno Setup script: an installer for the Windows one-folder bundle (packaging/README.md).
; Build on Windows after PyInstaller, from the repository root:
;   iscc /DAppVersion=0.1.0 /DServerUrl=https://collector-desk.bank.example packaging\windows\collector-desk.iss
; Without /DServerUrl the shortcut opens the built-in demo.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifdef ServerUrl
  #define RunArgs "run --server " + ServerUrl
#else
  #define RunArgs "demo"
#endif

[Setup]
AppId={{6C7B1C2E-4F0E-4F7A-9C3D-5B2E7A1D8C40}
AppName=Collector Desk
AppVersion={#AppVersion}
AppPublisher=Collector Desk
DefaultDirName={autopf}\Collector Desk
DefaultGroupName=Collector Desk
; per user by default (no administrator needed); IT can choose all users
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=collector-desk-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\icons\collector-desk.ico
UninstallDisplayIcon={app}\collector-desk.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "..\..\dist\collector-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Collector Desk"; Filename: "{app}\collector-desk.exe"; Parameters: "{#RunArgs}"
Name: "{autodesktop}\Collector Desk"; Filename: "{app}\collector-desk.exe"; Parameters: "{#RunArgs}"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

; Each user's caches, settings and logs (%LOCALAPPDATA%\collector-desk) stay on uninstall: a
; cache may hold contacts not yet pushed. IT removes them with the user's profile.
