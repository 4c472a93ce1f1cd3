# The rules that decide which DLLs the Windows packages (MSI and ZIP) carry
# besides the programs. Included by packaging/CMakeLists.txt on Windows and
# by the `windows_deploy_rules` test (CheckDeployRules.cmake) on every
# platform, so the filters are checked on Linux against the names CMake will
# really hand them on Windows.
#
# Who ships what:
#   Qt's DLLs and plugins    windeployqt, through Qt's deploy script (one
#                            script for all programs, packaging/CMakeLists.txt)
#   MSVC runtime             InstallRequiredSystemLibraries (msvcp140.dll,
#                            vcruntime140.dll, vcruntime140_1.dll, ...), the
#                            redistributable copies from Visual Studio's
#                            folder. windeployqt's vc_redist.x64.exe is not
#                            taken: the MSI would never run it.
#   everything else          the runtime-dependency set `regiondesk_runtime`
#                            (vcpkg's sqlite3, libpq, libxlsxwriter, zlib,
#                            OpenSSL, ...), resolved by CMake and filtered here.
#   QtKeychain               nothing: it is linked statically (the workflow
#                            builds it with BUILD_SHARED_LIBS=OFF), because
#                            windeployqt takes qt6keychain.dll for a Qt module,
#                            looks for it in Qt's bin folder and fails.
#
# How CMake applies these filters (file(GET_RUNTIME_DEPENDENCIES), which
# install(RUNTIME_DEPENDENCY_SET) uses): on Windows the PRE_ filters see the
# DLL name as the import table lists it, *lower-cased* ("qt6core.dll", never
# "Qt6Core.dll"); the POST_ filters see the resolved full path, whose
# separators may be `/` or `\` (CMake < 4.3) and whose case is the disk's.
# So the name filters are written in lower case and the path filters accept
# either separator and either case.

# Names, lower-cased: the API sets (resolved by Windows itself), Qt's own
# DLLs (windeployqt's job) and the MSVC runtime (InstallRequiredSystemLibraries').
set(REGIONDESK_DEPLOY_PRE_EXCLUDE_REGEXES
    "^api-ms-"
    "^ext-ms-"
    "^qt6[a-z0-9_]*d?\\.dll$"
    "^msvcp140(_[0-9a-z_]+)?\\.dll$"
    "^vcruntime140(_[0-9a-z_]+)?\\.dll$"
    "^concrt140\\.dll$"
    "^vccorlib140\\.dll$"
    "^ucrtbased?\\.dll$")

# Paths: whatever resolves inside the Windows folder is the system's.
set(REGIONDESK_DEPLOY_POST_EXCLUDE_REGEXES
    "^[A-Za-z]:[/\\\\][Ww][Ii][Nn][Dd][Oo][Ww][Ss][/\\\\]")

# The folders the set is resolved in: CMake searches only these (and the
# system's), and a DLL lives in a prefix's `bin`, not the prefix itself
# (vcpkg's installed/x64-windows/bin, QtKeychain's or Qt's prefix/bin).
# regiondesk_deploy_directories(<out> <prefix>...): each prefix's bin folder,
# then the prefix itself (a folder that already is a bin folder stays as it is).
function(regiondesk_deploy_directories out)
    set(dirs "")
    foreach(prefix IN LISTS ARGN)
        if(prefix STREQUAL "")
            continue()
        endif()
        # Not file(TO_CMAKE_PATH): off Windows it splits "C:/..." at the colon.
        string(REPLACE "\\" "/" prefix "${prefix}")
        string(REGEX REPLACE "/+$" "" prefix "${prefix}")
        if(NOT prefix MATCHES "/[Bb][Ii][Nn]$")
            list(APPEND dirs "${prefix}/bin")
        endif()
        list(APPEND dirs "${prefix}")
    endforeach()
    list(REMOVE_DUPLICATES dirs)
    set(${out} "${dirs}" PARENT_SCOPE)
endfunction()

# regiondesk_deploy_excluded(<out> <dll name as imported> <resolved path>):
# TRUE if the rules above keep that DLL out of the set. The same matching as
# CMake's: the name lower-cased against the PRE_ filters, the path against the
# POST_ ones. (The test's view of what install() will do; install() itself
# is given the lists.)
function(regiondesk_deploy_excluded out name path)
    string(TOLOWER "${name}" lower)
    set(excluded FALSE)
    foreach(regex IN LISTS REGIONDESK_DEPLOY_PRE_EXCLUDE_REGEXES)
        if(lower MATCHES "${regex}")
            set(excluded TRUE)
        endif()
    endforeach()
    foreach(regex IN LISTS REGIONDESK_DEPLOY_POST_EXCLUDE_REGEXES)
        if(path MATCHES "${regex}")
            set(excluded TRUE)
        endif()
    endforeach()
    set(${out} ${excluded} PARENT_SCOPE)
endfunction()

# The programs the packages install, each deployed by the one Qt deploy
# script. A target that is not built (REGIONDESK_BUILD_SERVER=OFF) is left out.
set(REGIONDESK_DEPLOYED_PROGRAMS regiondesk regiondesk-cli regiondesk-server)
