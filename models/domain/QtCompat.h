#pragma once
// What newer Qt has and Qt 6.4 (Debian 12, the oldest Qt we build with)
// lacks, defined the way the newer Qt defines it. Each entry names the Qt
// release that brought it; remove it once that release is the minimum.

#include <QtGlobal>

// Qt 6.5: Q_UNREACHABLE_RETURN(value). After Q_UNREACHABLE(), MSVC warns
// C4702 ("unreachable code") on a `return`, which /WX makes an error, while
// GCC and Clang want the `return` for a non-void function: Qt 6.5 writes the
// return only for compilers that need it. Same rule as Qt's qassert.h.
#ifndef Q_UNREACHABLE_RETURN
#if defined(Q_CC_MSVC) && !defined(Q_CC_CLANG)
#define Q_UNREACHABLE_RETURN(...) Q_UNREACHABLE()
#else
#define Q_UNREACHABLE_RETURN(...)                                                                  \
    do {                                                                                           \
        Q_UNREACHABLE();                                                                           \
        return __VA_ARGS__;                                                                        \
    } while (false)
#endif
#endif
