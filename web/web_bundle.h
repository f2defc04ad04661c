// The browser apps as the server serves them: each one's page shell, script and wasm, as
// built and precompressed (gzip, brotli) at build time by cmake/Portal.cmake.
#pragma once
#include <span>

namespace isp::web {
// The customer portal, at /.
extern const std::span<const unsigned char> index_html, index_html_gz, index_html_br;
extern const std::span<const unsigned char> portal_js, portal_js_gz, portal_js_br;
extern const std::span<const unsigned char> portal_wasm, portal_wasm_gz, portal_wasm_br;
// The staff console, at /staff/.
extern const std::span<const unsigned char> console_html, console_html_gz, console_html_br;
extern const std::span<const unsigned char> console_js, console_js_gz, console_js_br;
extern const std::span<const unsigned char> console_wasm, console_wasm_gz, console_wasm_br;
} // namespace isp::web
