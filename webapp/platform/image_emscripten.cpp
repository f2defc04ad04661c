// Images through the browser: an <img> element fetches and decodes the file (PNG, JPEG, at
// no cost in wasm size), then WebGL uploads it into a texture registered in Emscripten's GL
// object table, so the GL name works like any texture Dear ImGui's backend binds.
#include "webapp/platform/image.h"

#include <emscripten.h>

#include <memory>

namespace isp::webapp::platform {
namespace {

using Done = std::function<void(Image)>;

// The EM_JS body below is JavaScript, which clang-format would mangle.
// clang-format off
EM_JS(void, isp_load_image, (const char* url, void* done), {
    var image = new Image();
    image.decoding = "async";
    image.onload = function () {
        var gl = GLctx;
        var texture = gl.createTexture();
        gl.bindTexture(gl.TEXTURE_2D, texture);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
        gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, image);
        gl.bindTexture(gl.TEXTURE_2D, null);
        var id = GL.getNewId(GL.textures);
        texture.name = id;
        GL.textures[id] = texture;
        _isp_image_loaded(done, id, image.naturalWidth, image.naturalHeight);
    };
    image.onerror = function () { _isp_image_loaded(done, 0, 0, 0); };
    image.src = UTF8ToString(url);
});
// clang-format on

} // namespace

// Called once per load_image() by the <img>'s load or error handler.
extern "C" EMSCRIPTEN_KEEPALIVE void isp_image_loaded(void* raw, int texture, int width, int height) {
    std::unique_ptr<Done> done(static_cast<Done*>(raw));
    Image image;
    if (texture > 0 && width > 0 && height > 0)
        image = Image{static_cast<std::uint64_t>(texture), width, height};
    (*done)(image);
}

void load_image(const std::string& url, std::function<void(Image)> done) {
    isp_load_image(url.c_str(), new Done(std::move(done)));
}

} // namespace isp::webapp::platform
