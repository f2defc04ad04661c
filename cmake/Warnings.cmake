# isp_warnings(target): the warning set every target of ours builds with.
# Third-party sources (ImGui, httplib) are compiled in their own targets without it.
option(ISP_WERROR "Treat warnings as errors in our own code" ON)
function(isp_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wnon-virtual-dtor
                         -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual -Wpedantic
                         -Wimplicit-fallthrough)
  if(ISP_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
