#pragma once

// <windows.h> as RegionDesk's code includes it: without the min/max macros
// (std::min/std::max) and lean (no rpcndr.h, which defines `small`).
// Include only under Q_OS_WIN.

#ifndef NOMINMAX
#define NOMINMAX
#endif
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>
