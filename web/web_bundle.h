// The portal as the server serves it: page shell, script and wasm, each as built and
// precompressed (gzip, brotli) at build time by cmake/Portal.cmake.
#pragma once
#include <span>

namespace isp::web {
extern const std::span<const unsigned char> index_html, index_html_gz, index_html_br;
extern const std::span<const unsigned char> portal_js, portal_js_gz, portal_js_br;
extern const std::span<const unsigned char> portal_wasm, portal_wasm_gz, portal_wasm_br;
} // namespace isp::web
