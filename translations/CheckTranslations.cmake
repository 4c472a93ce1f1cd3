# cmake -P: lupdate the sources into a copy of TS_FILE; fail on new or
# unfinished strings. SOURCES is a |-separated list.
string(REPLACE "|" ";" sources "${SOURCES}")
file(COPY_FILE "${TS_FILE}" "${SCRATCH}")
execute_process(COMMAND "${LUPDATE}" -silent -no-obsolete -locations none ${sources} -ts "${SCRATCH}"
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${rc})")
endif()
file(READ "${SCRATCH}" updated)
file(READ "${TS_FILE}" original)
string(REGEX MATCHALL "<source>[^<]*</source>\n[ ]*(<comment>[^<]*</comment>\n[ ]*)?<translation type=\"unfinished\"" unfinished "${updated}")
list(LENGTH unfinished count)
if(count GREATER 0)
    message(FATAL_ERROR "${TS_FILE}: ${count} string(s) without a translation; run the "
        "update_translations target and translate them:\n${unfinished}")
endif()
if(NOT updated STREQUAL original)
    message(FATAL_ERROR "${TS_FILE} is out of date with the sources; run the "
        "update_translations target and commit the result")
endif()
message(STATUS "${TS_FILE}: complete")
