# The `windows_deploy_rules` test (cmake -P, any platform): the filters of
# DeployRules.cmake against DLLs as CMake hands them over on Windows: the name
# as the import table writes it (CMake lower-cases it before the PRE_ filters)
# and the path it resolved to (either separator, the disk's case).
cmake_minimum_required(VERSION 3.21)
include(${CMAKE_CURRENT_LIST_DIR}/DeployRules.cmake)

function(expect what name path)
    regiondesk_deploy_excluded(excluded "${name}" "${path}")
    if(what STREQUAL "ships" AND excluded)
        message(SEND_ERROR "${name} (${path}) must ship with the programs, but the filters drop it")
    elseif(what STREQUAL "dropped" AND NOT excluded)
        message(SEND_ERROR "${name} (${path}) must be left out of the runtime set, but it passes")
    endif()
endfunction()

# Qt's DLLs are windeployqt's, whatever case the import table uses.
foreach(name Qt6Core.dll Qt6Gui.dll Qt6Widgets.dll Qt6Network.dll Qt6Positioning.dll
             Qt6PrintSupport.dll QT6CORE.DLL qt6core.dll Qt6Cored.dll)
    expect(dropped ${name} "C:/Qt/6.8.2/msvc2022_64/bin/${name}")
endforeach()
# The MSVC runtime is InstallRequiredSystemLibraries', from Visual Studio's
# redistributable folder, not the copy that happens to be in System32.
foreach(name MSVCP140.dll msvcp140_1.dll msvcp140_2.dll msvcp140_atomic_wait.dll
             VCRUNTIME140.dll vcruntime140_1.dll CONCRT140.dll)
    expect(dropped ${name} "C:/Windows/System32/${name}")
    expect(dropped ${name} "D:\\a\\_temp\\deps\\bin\\${name}")
endforeach()
# Windows' own: API sets by name, everything under the Windows folder by path.
expect(dropped api-ms-win-crt-runtime-l1-1-0.dll "")
expect(dropped API-MS-WIN-CORE-SYNCH-L1-2-0.DLL "")
expect(dropped ext-ms-win-ntuser-uicontext-ext-l1-1-0.dll "")
expect(dropped KERNEL32.dll "C:\\Windows\\system32\\KERNEL32.dll")
expect(dropped ADVAPI32.dll "C:/WINDOWS/System32/ADVAPI32.dll")
expect(dropped WS2_32.dll "c:/windows/system32/ws2_32.dll")
expect(dropped dwmapi.dll "C:\\Windows\\SysWOW64\\dwmapi.dll")
# What vcpkg brings must ship: the cache's SQLite, the server's libpq and
# OpenSSL, the reports' libxlsxwriter and their own dependencies.
set(vcpkg_bin "C:/vcpkg/installed/x64-windows/bin")
foreach(name sqlite3.dll libpq.dll libssl-3-x64.dll libcrypto-3-x64.dll xlsxwriter.dll
             zlib1.dll minizip.dll libiconv.dll libintl.dll)
    expect(ships ${name} "${vcpkg_bin}/${name}")
    expect(ships ${name} "C:\\vcpkg\\installed\\x64-windows\\bin\\${name}")
endforeach()
# A folder named like Windows' but elsewhere is not Windows'.
expect(ships sqlite3.dll "D:/build/Windows/sqlite3.dll")

# DIRECTORIES: a prefix's bin folder is searched, not only the prefix.
regiondesk_deploy_directories(dirs "C:\\Qt\\6.8.2\\msvc2022_64" "D:/a/_temp/deps/"
                              "C:/vcpkg/installed/x64-windows/bin" "")
set(expected "C:/Qt/6.8.2/msvc2022_64/bin;C:/Qt/6.8.2/msvc2022_64;D:/a/_temp/deps/bin;D:/a/_temp/deps;C:/vcpkg/installed/x64-windows/bin")
if(NOT dirs STREQUAL expected)
    message(SEND_ERROR "search folders: got\n  ${dirs}\nwanted\n  ${expected}")
endif()

# Every program is deployed, the console twin included.
foreach(program regiondesk regiondesk-cli regiondesk-server)
    if(NOT program IN_LIST REGIONDESK_DEPLOYED_PROGRAMS)
        message(SEND_ERROR "${program} is not among the deployed programs")
    endif()
endforeach()
