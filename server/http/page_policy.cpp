#include "server/http/page_policy.h"

#include "server/security/random_id.h"

namespace isp::http {
namespace {

// "'sha256-...'" of each inline block `<tag>...</tag>` (one with a src attribute loads a file:
// 'self' covers it).
std::string inline_hashes(std::string_view html, std::string_view tag) {
    std::string sources;
    const std::string open = "<" + std::string{tag};
    const std::string close = "</" + std::string{tag} + ">";
    for (std::size_t at = html.find(open); at != std::string_view::npos; at = html.find(open, at + 1)) {
        const std::size_t head_end = html.find('>', at);
        const std::size_t end = head_end == std::string_view::npos ? head_end : html.find(close, head_end);
        if (end == std::string_view::npos)
            break;
        const std::string_view head = html.substr(at, head_end - at);
        if (head.find(" src=") != std::string_view::npos)
            continue;
        const std::string_view body = html.substr(head_end + 1, end - head_end - 1);
        sources += " 'sha256-" + security::sha256_base64(body) + "'";
    }
    return sources;
}

} // namespace

std::string page_content_security_policy(std::string_view html) {
    // 'wasm-unsafe-eval': compiling the app's WebAssembly (no JavaScript eval is allowed).
    // img-src data: and blob: are the documents and logos the apps show from their own bytes.
    return "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'" + inline_hashes(html, "script") +
           "; style-src 'self'" + inline_hashes(html, "style") +
           "; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
           "form-action 'self'; frame-ancestors 'none'";
}

} // namespace isp::http
