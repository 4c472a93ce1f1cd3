# Project-wide target settings.

# Warnings for a target of ours; errors when REGIONDESK_WERROR is on (CI).
function(regiondesk_set_warnings target)
    if(MSVC)
        target_compile_options(${target} PRIVATE /W4 /permissive- /utf-8)
        if(REGIONDESK_WERROR)
            target_compile_options(${target} PRIVATE /WX)
        endif()
    else()
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
            -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual)
        if(REGIONDESK_WERROR)
            target_compile_options(${target} PRIVATE -Werror)
        endif()
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_BYTEARRAY
        QT_NO_URL_CAST_FROM_STRING
        QT_STRICT_ITERATORS
        QT_NO_FOREACH
        QT_FORCE_ASSERTS
        QT_DISABLE_DEPRECATED_UP_TO=0x060400)
endfunction()

# Collects the full link closure of a target (LINK_LIBRARIES and, through
# them, INTERFACE_LINK_LIBRARIES), ignoring generator expressions' wrappers.
function(_regiondesk_link_closure target out)
    set(seen "")
    set(queue ${target})
    while(queue)
        list(POP_FRONT queue current)
        if(NOT TARGET ${current} OR current IN_LIST seen)
            continue()
        endif()
        list(APPEND seen ${current})
        get_target_property(aliased ${current} ALIASED_TARGET)
        if(aliased)
            list(APPEND queue ${aliased})
        endif()
        foreach(property LINK_LIBRARIES INTERFACE_LINK_LIBRARIES)
            get_target_property(libs ${current} ${property})
            if(libs)
                foreach(lib IN LISTS libs)
                    string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" lib "${lib}")
                    string(REGEX REPLACE "^\\$<[^:]*:(.*)>$" "\\1" lib "${lib}")
                    list(APPEND queue ${lib})
                endforeach()
            endif()
        endforeach()
    endwhile()
    set(${out} ${seen} PARENT_SCOPE)
endfunction()

# Fails the configure step if target links any of the forbidden targets,
# directly or through anything it links.
function(regiondesk_forbid_links target)
    _regiondesk_link_closure(${target} closure)
    foreach(forbidden IN LISTS ARGN)
        set(names ${forbidden})
        if(TARGET ${forbidden})
            get_target_property(real ${forbidden} ALIASED_TARGET)
            if(real)
                list(APPEND names ${real})
            endif()
        endif()
        foreach(name IN LISTS names)
            if(name IN_LIST closure)
                message(FATAL_ERROR "${target} must not link ${forbidden} (DESIGN.md §2); "
                                    "its link closure is: ${closure}")
            endif()
        endforeach()
    endforeach()
endfunction()

# The sources whose tr() strings the translations hold (lupdate reads them;
# translations/ checks the .ts files are complete): one list for both.
function(regiondesk_translated_sources out)
    set(globs "")
    foreach(dir models render ui app)
        list(APPEND globs ${PROJECT_SOURCE_DIR}/${dir}/*.cpp ${PROJECT_SOURCE_DIR}/${dir}/*.h)
    endforeach()
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${globs})
    set(${out} ${sources} PARENT_SCOPE)
endfunction()
