// The Content-Security-Policy of the apps' page shells (the portal's and the console's): our
// own script and wasm and nothing else. The shells' few inline <script> and <style> blocks
// are allowed by their SHA-256, computed from the embedded page itself, so no inline code an
// attacker could inject runs ('unsafe-inline' is not granted), and a change to the page
// cannot forget to update the policy.
#pragma once
#include <string>
#include <string_view>

namespace isp::http {

std::string page_content_security_policy(std::string_view html);

} // namespace isp::http
