// The browser apps: the customer portal at GET / (page shell), /portal.js, /portal.wasm, and
// the staff console at /staff/ (/staff/console.js, /staff/console.wasm), embedded in the
// binary at build time (cmake/Portal.cmake) with gzip and brotli variants, so the server
// never compresses at request time. ETags let a returning browser revalidate for free.
#include <httplib.h>

#include <span>
#include <string>

#include "server/http/page_policy.h"
#include "server/http/revalidation.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"
#include "server/security/random_id.h"
#include "web/web_bundle.h"

namespace isp::routes {
namespace {

using Bytes = std::span<const unsigned char>;

struct Asset {
    Bytes identity, gzip, brotli;
    const char* content_type;
    std::string etag;
};

std::string_view view(Bytes b) {
    return {reinterpret_cast<const char*>(b.data()), b.size()};
}

bool accepts(const std::string& accept_encoding, std::string_view coding) {
    // Good enough for browsers: they list the codings they take; none sends q=0 for br/gzip.
    return accept_encoding.find(coding) != std::string::npos;
}

void serve(const Asset& a, const httplib::Request& req, httplib::Response& res) {
    res.set_header("Vary", "Accept-Encoding");
    if (http::not_modified(req, res, a.etag)) // names are not content-hashed: revalidate each load
        return;
    const std::string ae = req.get_header_value("Accept-Encoding");
    Bytes body = a.identity;
    if (accepts(ae, "br") && !a.brotli.empty() && a.brotli.size() < a.identity.size()) {
        body = a.brotli;
        res.set_header("Content-Encoding", "br");
    } else if (accepts(ae, "gzip") && !a.gzip.empty() && a.gzip.size() < a.identity.size()) {
        body = a.gzip;
        res.set_header("Content-Encoding", "gzip");
    }
    res.status = 200;
    // A content provider hands out the embedded bytes without copying them per request.
    res.set_content_provider(body.size(), a.content_type,
                             [body](size_t offset, size_t length, httplib::DataSink& sink) {
                                 sink.write(reinterpret_cast<const char*>(body.data()) + offset, length);
                                 return true;
                             });
}

} // namespace

void register_portal_assets(httplib::Server& http, AppContext&) {
    static const Asset page{web::index_html, web::index_html_gz, web::index_html_br, "text/html; charset=utf-8",
                            http::etag_from_sha256(security::sha256_hex(view(web::index_html)))};
    static const Asset script{web::portal_js, web::portal_js_gz, web::portal_js_br, "text/javascript; charset=utf-8",
                              http::etag_from_sha256(security::sha256_hex(view(web::portal_js)))};
    static const Asset wasm{web::portal_wasm, web::portal_wasm_gz, web::portal_wasm_br, "application/wasm",
                            http::etag_from_sha256(security::sha256_hex(view(web::portal_wasm)))};

    static const Asset console_page{web::console_html, web::console_html_gz, web::console_html_br,
                                    "text/html; charset=utf-8",
                                    http::etag_from_sha256(security::sha256_hex(view(web::console_html)))};
    static const Asset console_script{web::console_js, web::console_js_gz, web::console_js_br,
                                      "text/javascript; charset=utf-8",
                                      http::etag_from_sha256(security::sha256_hex(view(web::console_js)))};
    static const Asset console_wasm{web::console_wasm, web::console_wasm_gz, web::console_wasm_br, "application/wasm",
                                    http::etag_from_sha256(security::sha256_hex(view(web::console_wasm)))};

    auto page_handler = [](const Asset& shell) {
        // The page runs only our own script and wasm; nothing may frame it.
        return [&shell, policy = http::page_content_security_policy(view(shell.identity))](const httplib::Request& req,
                                                                                           httplib::Response& res) {
            res.set_header("Content-Security-Policy", policy);
            serve(shell, req, res);
        };
    };
    auto asset_handler = [](const Asset& asset) {
        return [&asset](const httplib::Request& req, httplib::Response& res) { serve(asset, req, res); };
    };
    http.Get("/", page_handler(page));
    http.Get("/index.html", page_handler(page));
    http.Get("/portal.js", asset_handler(script));
    http.Get("/portal.wasm", asset_handler(wasm));
    // The console's files sit under /staff/ so that its relative URLs (../api/v1) are the same
    // behind a proxy's path prefix; /staff without the slash would break them: redirect.
    http.Get("/staff", [](const httplib::Request&, httplib::Response& res) {
        res.status = 308;
        res.set_header("Location", "staff/");
    });
    http.Get("/staff/", page_handler(console_page));
    http.Get("/staff/index.html", page_handler(console_page));
    http.Get("/staff/console.js", asset_handler(console_script));
    http.Get("/staff/console.wasm", asset_handler(console_wasm));
}

} // namespace isp::routes
