# The one CMake step that embeds assets into binaries (fonts for the portal and the PDFs,
# the portal's page, script and wasm for the server), so every consumer uses identical bytes.
find_program(ISP_SYSTEM_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT ISP_SYSTEM_PYTHON)
  find_program(ISP_SYSTEM_PYTHON python3 REQUIRED)
endif()

# isp_embed(<target> HEADER <header> NAMESPACE <ns> FILES sym=path ... [DEPENDS ...])
# Adds a static library <target> exposing each file as `std::span<const unsigned char> ns::sym`.
function(isp_embed target)
  cmake_parse_arguments(E "" "HEADER;NAMESPACE" "FILES;DEPENDS" ${ARGN})
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${target}_embedded.cpp")
  set(paths)
  foreach(pair ${E_FILES})
    string(REGEX REPLACE "^[^=]*=" "" path "${pair}")
    list(APPEND paths "${path}")
  endforeach()
  add_custom_command(OUTPUT "${out}"
    COMMAND "${ISP_SYSTEM_PYTHON}" "${CMAKE_SOURCE_DIR}/cmake/embed.py" "${out}" "${E_HEADER}" "${E_NAMESPACE}" ${E_FILES}
    DEPENDS "${CMAKE_SOURCE_DIR}/cmake/embed.py" ${paths} ${E_DEPENDS}
    COMMENT "Embedding assets into ${target}" VERBATIM)
  add_library(${target} STATIC "${out}")
  target_include_directories(${target} PUBLIC "${CMAKE_SOURCE_DIR}")
endfunction()

# Fonts: DejaVu Sans (Debian's fonts-dejavu-core), subset at build time to Latin-1 +
# Latin Extended-A + the punctuation we print. Small (fast to load in libharu, small
# to download in the portal) and it covers every Latin-script name we expect.
set(ISP_FONT_DIR "/usr/share/fonts/truetype/dejavu" CACHE PATH "Where DejaVuSans.ttf lives")
set(ISP_FONT_UNICODES "U+0020-007E,U+00A0-017F,U+0192,U+02C6-02DC,U+2013-2014,U+2018-201E,U+2020-2022,U+2026,U+2030,U+2039-203A,U+20AC,U+2122,U+2212,U+2190-2193,U+2713,U+2715")
set(ISP_ASSET_DIR "${CMAKE_BINARY_DIR}/assets")
file(MAKE_DIRECTORY "${ISP_ASSET_DIR}")
foreach(face DejaVuSans DejaVuSans-Bold)
  add_custom_command(OUTPUT "${ISP_ASSET_DIR}/${face}.subset.ttf"
    COMMAND "${ISP_SYSTEM_PYTHON}" "${CMAKE_SOURCE_DIR}/cmake/subset_font.py" "${ISP_FONT_DIR}/${face}.ttf"
            "${ISP_ASSET_DIR}/${face}.subset.ttf" "${ISP_FONT_UNICODES}"
    DEPENDS "${ISP_FONT_DIR}/${face}.ttf" "${CMAKE_SOURCE_DIR}/cmake/subset_font.py"
    COMMENT "Subsetting ${face}.ttf" VERBATIM)
endforeach()

isp_embed(isp_assets HEADER "web/assets/embedded_assets.h" NAMESPACE isp::assets
  FILES "font_regular=${ISP_ASSET_DIR}/DejaVuSans.subset.ttf"
        "font_bold=${ISP_ASSET_DIR}/DejaVuSans-Bold.subset.ttf"
        "logo=${CMAKE_SOURCE_DIR}/web/assets/logo.png") # the demo operator's logo (PDFs and portal)
