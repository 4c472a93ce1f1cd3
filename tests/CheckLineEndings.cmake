# The `line_endings` test (cmake -P, -DSOURCE_DIR=...): the files whose bytes
# matter are LF-only, and .gitattributes keeps them so on a Windows checkout
# (Git for Windows converts to CRLF unless told otherwise): docs/api.md
# (tst_apiexamples cuts it at its `---` lines), the .ts files (the
# translation check compares them byte for byte), and every shell script
# (bash stops at a CR).
cmake_minimum_required(VERSION 3.21)
if(NOT SOURCE_DIR)
    message(FATAL_ERROR "usage: cmake -DSOURCE_DIR=<source tree> -P CheckLineEndings.cmake")
endif()

set(attributes "${SOURCE_DIR}/.gitattributes")
if(NOT EXISTS "${attributes}")
    message(FATAL_ERROR "${attributes} is missing: a Windows checkout would have CRLF line endings")
endif()
file(STRINGS "${attributes}" rules REGEX "^\\* ")
if(NOT "* text=auto eol=lf" IN_LIST rules)
    message(FATAL_ERROR "${attributes} lacks the line `* text=auto eol=lf`")
endif()

file(GLOB files
    "${SOURCE_DIR}/docs/*.md"
    "${SOURCE_DIR}/translations/*.ts"
    "${SOURCE_DIR}/packaging/linux/*"
    "${SOURCE_DIR}/scripts/*"
    "${SOURCE_DIR}/scripts/lib/*"
    "${SOURCE_DIR}/tests/server/*.sh"
    "${SOURCE_DIR}/tests/server/open311/*.py"
    "${SOURCE_DIR}/packaging/*.sh"
    "${SOURCE_DIR}/packaging/icons/*.sh")
list(LENGTH files count)
if(count LESS 10)
    message(FATAL_ERROR "only ${count} files found under ${SOURCE_DIR}: wrong SOURCE_DIR?")
endif()
set(bad "")
foreach(file IN LISTS files)
    if(IS_DIRECTORY "${file}")
        continue()
    endif()
    # As hex (plain file(READ) drops CRs), one byte per "xx " group so that a
    # CR is a "0d " group and never the end of one byte and the start of the next.
    file(READ "${file}" bytes HEX)
    string(REGEX REPLACE "(..)" "\\1 " bytes "${bytes}")
    string(FIND "${bytes}" "0d " cr)
    if(NOT cr EQUAL -1)
        list(APPEND bad "${file}")
    endif()
endforeach()
if(bad)
    string(REPLACE ";" "\n  " bad "${bad}")
    message(FATAL_ERROR "CR (Windows) line endings in files that must be LF-only:\n  ${bad}\n"
                        "Check .gitattributes, then `git add --renormalize .`")
endif()
list(LENGTH files count)
message(STATUS "${count} files LF-only")
