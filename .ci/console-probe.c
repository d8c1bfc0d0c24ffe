/* console-probe OUT.txt -- PROGRAM [ARGS...]
 *
 * Starts PROGRAM the way cmd.exe starts a windowed program: in a console of our own, with no
 * standard handles passed down, then writes what that console shows to OUT.txt (UTF-8). So a
 * windowed claimdiff.exe that attaches to its parent's console has printed there, and one
 * that does not leaves the console empty. Exits with PROGRAM's exit code.
 *
 * Build: x86_64-w64-mingw32-gcc -O2 -o console-probe.exe console-probe.c (or gcc on Windows).
 * Under Wine the console needs an X display (Xvfb).
 */
#include <windows.h>
#include <stdio.h>
#include <wchar.h>

int main(int argc, char **argv) {
  if (argc < 4 || strcmp(argv[2], "--") != 0) {
    fprintf(stderr, "usage: console-probe OUT.txt -- PROGRAM [ARGS...]\n");
    return 2;
  }
  /* The program's command line: everything after the first " -- ", quoting kept. */
  wchar_t *cmdline = wcsstr(GetCommandLineW(), L" -- ");
  if (!cmdline) return 2;
  cmdline += 4;

  FreeConsole();
  if (!AllocConsole()) {
    fprintf(stderr, "console-probe: AllocConsole failed (%lu)\n", GetLastError());
    return 3;
  }
  /* Wide and tall enough that no line wraps and nothing scrolls away. */
  HANDLE console = CreateFileW(L"CONOUT$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                               NULL, OPEN_EXISTING, 0, NULL);
  COORD size = {1000, 3000};
  SetConsoleScreenBufferSize(console, size);
  CloseHandle(console);

  STARTUPINFOW si = {sizeof si};
  PROCESS_INFORMATION pi;
  if (!CreateProcessW(NULL, cmdline, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) {
    fprintf(stderr, "console-probe: cannot start the program (%lu)\n", GetLastError());
    return 4;
  }
  if (WaitForSingleObject(pi.hProcess, 120000) != WAIT_OBJECT_0) {
    fprintf(stderr, "console-probe: the program did not finish in 2 minutes\n");
    TerminateProcess(pi.hProcess, 1);
    return 5;
  }
  DWORD code = 1;
  GetExitCodeProcess(pi.hProcess, &code);

  HANDLE out = CreateFileW(L"CONOUT$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                           NULL, OPEN_EXISTING, 0, NULL);
  CONSOLE_SCREEN_BUFFER_INFO info;
  if (out == INVALID_HANDLE_VALUE || !GetConsoleScreenBufferInfo(out, &info)) {
    fprintf(stderr, "console-probe: cannot read the console (%lu)\n", GetLastError());
    return 6;
  }
  FILE *f = fopen(argv[1], "wb");
  if (!f) return 7;
  SHORT width = info.dwSize.X < 1024 ? info.dwSize.X : 1024;
  for (SHORT y = 0; y <= info.dwCursorPosition.Y; y++) {
    wchar_t line[1024];
    char utf8[4096];
    DWORD n = 0;
    COORD at = {0, y};
    ReadConsoleOutputCharacterW(out, line, width, at, &n);
    while (n > 0 && line[n - 1] == L' ') n--;
    int len = WideCharToMultiByte(CP_UTF8, 0, line, (int)n, utf8, sizeof utf8, NULL, NULL);
    fwrite(utf8, 1, len, f);
    fputc('\n', f);
  }
  fclose(f);
  return (int)code;
}
