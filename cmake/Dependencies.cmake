# Third-party sources that come from Debian *source* packages (see docs/toolchain.md):
# .ci/setup downloads and extracts them, pinned, into build/_deps. Everything else is a
# Debian -dev package found the usual way.
set(ISP_DEPS_DIR "${CMAKE_SOURCE_DIR}/build/_deps" CACHE PATH "Where .ci/setup extracted source packages")
set(ISP_IMGUI_DIR "${ISP_DEPS_DIR}/imgui-1.92.2b+ds-1" CACHE PATH "Dear ImGui 1.92.2b sources")
set(ISP_HTTPLIB_DIR "${ISP_DEPS_DIR}/cpp-httplib-0.41.0+ds-3" CACHE PATH "cpp-httplib 0.41.0 sources")

foreach(dir ISP_IMGUI_DIR ISP_HTTPLIB_DIR)
  if(NOT EXISTS "${${dir}}/.complete")
    message(FATAL_ERROR "${dir} (${${dir}}) is missing: run .ci/setup first, it fetches the pinned Debian source packages.")
  endif()
endforeach()

if(EMSCRIPTEN)
  # Emscripten's toolchain searches only its own sysroot, and adding /usr/include to
  # emcc's path would pull in the host's C headers: copy just nlohmann/ out of it.
  find_path(ISP_NLOHMANN_INCLUDE nlohmann/json.hpp PATHS /usr/include NO_CMAKE_FIND_ROOT_PATH REQUIRED)
  file(COPY "${ISP_NLOHMANN_INCLUDE}/nlohmann" DESTINATION "${CMAKE_BINARY_DIR}/host-headers")
  add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
  target_include_directories(nlohmann_json::nlohmann_json SYSTEM INTERFACE "${CMAKE_BINARY_DIR}/host-headers")
else()
  find_package(nlohmann_json 3.11 REQUIRED)
endif()
