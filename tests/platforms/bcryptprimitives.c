/* A stand-in for Windows' bcryptprimitives.dll, for running hubint.exe under
 * wine 8 (Debian bookworm), which lacks it. Rust's std imports ProcessPrng
 * from it for all its randomness (HashMap keys, ...); without the DLL the exe
 * does not start. This forwards to BCryptGenRandom, which wine implements
 * with the host's RNG. Built with mingw by tests/platforms/windows.sh and
 * placed beside the exe; never shipped. */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
