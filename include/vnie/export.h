// vnie/export.h — VNIE_API marks the public API. The library is compiled
// with hidden visibility (-fvisibility=hidden, CMakeLists.txt): in a shared
// libvnie only what carries VNIE_API (the classes and free functions of
// include/vnie/) is exported, everything else stays internal.
#pragma once

#if defined(__GNUC__) || defined(__clang__)
#  define VNIE_API __attribute__((visibility("default")))
#  define VNIE_INTERNAL __attribute__((visibility("hidden")))
#else
#  define VNIE_API
#  define VNIE_INTERNAL
#endif
