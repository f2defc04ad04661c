# Builds the browser apps (portal/ and console/, over webapp/ and shared/) with Emscripten
# as an ExternalProject of this same source tree, then embeds their page shells
# (web/index.html, web/console.html), .js and .wasm — each also precompressed with gzip and
# brotli — into isp_web_bundle, which the server links and serves.
include(ExternalProject)

set(ISP_PORTAL_OUT "${CMAKE_BINARY_DIR}/portal-wasm")
set(ISP_WEB_OUT "${CMAKE_BINARY_DIR}/web")
file(MAKE_DIRECTORY "${ISP_WEB_OUT}")

if(ISP_BUILD_PORTAL)
  find_program(ISP_EMCMAKE emcmake REQUIRED)
  # Debian's emscripten needs Debian's node modules (acorn): docs/toolchain.md.
  set(em_env ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs)
  ExternalProject_Add(portal_wasm
    SOURCE_DIR "${CMAKE_SOURCE_DIR}"
    BINARY_DIR "${ISP_PORTAL_OUT}"
    CONFIGURE_COMMAND ${em_env} ${ISP_EMCMAKE} ${CMAKE_COMMAND} -S <SOURCE_DIR> -B <BINARY_DIR>
                      -G ${CMAKE_GENERATOR} -DCMAKE_BUILD_TYPE=Release -DISP_DEPS_DIR=${ISP_DEPS_DIR}
                      -DISP_WERROR=${ISP_WERROR} -DCMAKE_UNITY_BUILD=${CMAKE_UNITY_BUILD}
    BUILD_COMMAND ${em_env} ${CMAKE_COMMAND} --build <BINARY_DIR>
    INSTALL_COMMAND ""
    BUILD_ALWAYS ON
    USES_TERMINAL_BUILD ON
    BUILD_BYPRODUCTS "${ISP_PORTAL_OUT}/portal.js" "${ISP_PORTAL_OUT}/portal.wasm"
                     "${ISP_PORTAL_OUT}/console.js" "${ISP_PORTAL_OUT}/console.wasm")
  set(portal_js "${ISP_PORTAL_OUT}/portal.js")
  set(portal_wasm "${ISP_PORTAL_OUT}/portal.wasm")
  set(console_js "${ISP_PORTAL_OUT}/console.js")
  set(console_wasm "${ISP_PORTAL_OUT}/console.wasm")
  set(portal_dep portal_wasm)
else()
  # Sanitizer and quick builds skip Emscripten; the server then serves a stub page.
  set(portal_js "${ISP_WEB_OUT}/portal-stub.js")
  set(portal_wasm "${ISP_WEB_OUT}/portal-stub.wasm")
  file(WRITE "${portal_js}" "document.title='Portal not built (ISP_BUILD_PORTAL=OFF)';\n")
  file(WRITE "${portal_wasm}" "")
  set(console_js "${ISP_WEB_OUT}/console-stub.js")
  set(console_wasm "${ISP_WEB_OUT}/console-stub.wasm")
  file(WRITE "${console_js}" "document.title='Console not built (ISP_BUILD_PORTAL=OFF)';\n")
  file(WRITE "${console_wasm}" "")
  set(portal_dep)
endif()

find_program(ISP_GZIP gzip REQUIRED)
find_program(ISP_BROTLI brotli REQUIRED)
set(bundle_files)
foreach(pair "index_html=${CMAKE_SOURCE_DIR}/web/index.html" "portal_js=${portal_js}" "portal_wasm=${portal_wasm}"
             "console_html=${CMAKE_SOURCE_DIR}/web/console.html" "console_js=${console_js}"
             "console_wasm=${console_wasm}")
  string(REGEX REPLACE "=.*$" "" sym "${pair}")
  string(REGEX REPLACE "^[^=]*=" "" src "${pair}")
  add_custom_command(OUTPUT "${ISP_WEB_OUT}/${sym}.gz" "${ISP_WEB_OUT}/${sym}.br"
    COMMAND sh -c "${ISP_GZIP} -9 -n -c '${src}' > '${ISP_WEB_OUT}/${sym}.gz'"
    COMMAND ${ISP_BROTLI} -q 11 -f -o "${ISP_WEB_OUT}/${sym}.br" "${src}"
    DEPENDS "${src}" ${portal_dep}
    COMMENT "Compressing ${sym}" VERBATIM)
  list(APPEND bundle_files "${sym}=${src}" "${sym}_gz=${ISP_WEB_OUT}/${sym}.gz" "${sym}_br=${ISP_WEB_OUT}/${sym}.br")
endforeach()

isp_embed(isp_web_bundle HEADER "web/web_bundle.h" NAMESPACE isp::web FILES ${bundle_files} DEPENDS ${portal_dep})
if(portal_dep)
  add_dependencies(isp_web_bundle ${portal_dep})
endif()
