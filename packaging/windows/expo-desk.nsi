; Expo Desk for Windows: installs the one-folder build of PyInstaller (dist\expo-desk\).
;
;   makensis -DVERSION=0.1.0 -DVERSION_NUMBERS=0.1.0.0 -DPAYLOAD=dist\expo-desk ^
;            -DOUTFILE=dist\ExpoDesk-0.1.0-setup.exe -DICON=resources\icons\expo-desk.ico ^
;            packaging\windows\expo-desk.nsi
;
; (packaging/build.py passes these.) Without administrator rights it installs for the
; current user (%LOCALAPPDATA%\Programs\Expo Desk); an administrator chooses "for all users"
; (Program Files). Silent: setup.exe /S /CurrentUser or /S /AllUsers.
; The uninstaller removes the program, its shortcuts and its registry entries, and never the
; user's data folder (%LOCALAPPDATA%\ExpoDesk\ExpoDesk: show files, backups, settings, logs).

Unicode true
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "VERSION missing: makensis -DVERSION=x.y.z (packaging/build.py passes it)"
!endif
!ifndef VERSION_NUMBERS
  !define VERSION_NUMBERS "${VERSION}.0"
!endif
!ifndef PAYLOAD
  !error "PAYLOAD missing: the folder PyInstaller made (dist\expo-desk)"
!endif
!ifndef OUTFILE
  !define OUTFILE "ExpoDesk-${VERSION}-setup.exe"
!endif

!define APP_NAME "Expo Desk"
!define APP_EXE "ExpoDesk.exe"
!define CLI_EXE "expo-desk.exe"
!define UNINSTALL_EXE "uninstall.exe"
!define REG_APP "Software\ExpoDesk\Expo Desk"
!define REG_UNINSTALL "Software\Microsoft\Windows\CurrentVersion\Uninstall\ExpoDesk"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
BrandingText "${APP_NAME} ${VERSION}"

; -- per user or per machine -------------------------------------------------------------
!define MULTIUSER_EXECUTIONLEVEL Highest          ; no UAC prompt for a user who is not an administrator
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE         ; /AllUsers or /CurrentUser
!define MULTIUSER_INSTALLMODE_INSTDIR "${APP_NAME}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${REG_APP}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallDir"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${REG_APP}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallMode"
!define MULTIUSER_USE_PROGRAMFILES64
!include MultiUser.nsh
!include MUI2.nsh
!include LogicLib.nsh
!include x64.nsh

; -- pages -------------------------------------------------------------------------------
!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"

!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString KeptData ${LANG_SIMPCHINESE} "您的数据（展会文件、备份、设置）保留在 $LOCALAPPDATA\ExpoDesk，未被删除。"
LangString KeptData ${LANG_ENGLISH} "Your data (show files, backups, settings) stays in $LOCALAPPDATA\ExpoDesk; it was not removed."

; -- the version resource of setup.exe ---------------------------------------------------
VIProductVersion "${VERSION_NUMBERS}"
VIFileVersion "${VERSION_NUMBERS}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${APP_NAME} setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "Apache License 2.0"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "${APP_NAME} needs 64-bit Windows. / ${APP_NAME} 需要 64 位 Windows。"
    Abort
  ${EndIf}
  !insertmacro MULTIUSER_INIT
FunctionEnd

Function un.onInit
  !insertmacro MULTIUSER_UNINIT
FunctionEnd

; -- install -----------------------------------------------------------------------------
Section "Expo Desk" SecMain
  SectionIn RO
  ; an update replaces the program folder's contents; never anything outside it
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${PAYLOAD}\*"
  WriteUninstaller "$INSTDIR\${UNINSTALL_EXE}"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  WriteRegStr SHCTX "${REG_APP}" "InstallDir" "$INSTDIR"
  WriteRegStr SHCTX "${REG_APP}" "InstallMode" "$MultiUser.InstallMode"
  WriteRegStr SHCTX "${REG_UNINSTALL}" "DisplayName" "${APP_NAME}"
  WriteRegStr SHCTX "${REG_UNINSTALL}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${REG_UNINSTALL}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr SHCTX "${REG_UNINSTALL}" "Publisher" "${APP_NAME}"
  WriteRegStr SHCTX "${REG_UNINSTALL}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${REG_UNINSTALL}" "UninstallString" '"$INSTDIR\${UNINSTALL_EXE}" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${REG_UNINSTALL}" "QuietUninstallString" '"$INSTDIR\${UNINSTALL_EXE}" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${REG_UNINSTALL}" "NoModify" 1
  WriteRegDWORD SHCTX "${REG_UNINSTALL}" "NoRepair" 1
SectionEnd

; -- uninstall: the program only; the data folder stays --------------------------------
Section "Uninstall"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  ; only what the installer put there: a folder chosen by the user may hold other things
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\${UNINSTALL_EXE}"
  RMDir "$INSTDIR"

  DeleteRegKey SHCTX "${REG_UNINSTALL}"
  DeleteRegKey SHCTX "${REG_APP}"
  DeleteRegKey /ifempty SHCTX "Software\ExpoDesk"

  IfSilent +2
    MessageBox MB_OK|MB_ICONINFORMATION "$(KeptData)"
SectionEnd
