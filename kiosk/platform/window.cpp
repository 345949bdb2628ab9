#include "platform/window.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <cstdint>
#include <cstdio>

// GL 3.0 names that an old <GL/gl.h> may lack.
#ifndef GL_R8
#define GL_R8 0x8229
#endif
#ifndef GL_TEXTURE_SWIZZLE_RGBA
#define GL_TEXTURE_SWIZZLE_RGBA 0x8E46
#endif

namespace repere::platform {
namespace {

Window* owner(GLFWwindow* w) {
    return static_cast<Window*>(glfwGetWindowUserPointer(w));
}

// Our callbacks are installed first; the ImGui backend chains to them, so every event counts.
void onCursor(GLFWwindow* w, double, double) {
    owner(w)->noteEvent();
}
void onButton(GLFWwindow* w, int, int, int) {
    owner(w)->noteEvent();
}
void onScroll(GLFWwindow* w, double, double) {
    owner(w)->noteEvent();
}
void onKey(GLFWwindow* w, int, int, int, int) {
    owner(w)->noteEvent();
}
void onChar(GLFWwindow* w, unsigned int) {
    owner(w)->noteEvent();
}
void onSize(GLFWwindow* w, int, int) {
    owner(w)->noteEvent();
}
void onRefresh(GLFWwindow* w) {
    owner(w)->noteEvent();
}
void onFocus(GLFWwindow* w, int) {
    owner(w)->noteEvent();
}

void onGlfwError(int code, const char* text) {
    std::fprintf(stderr, "repere-kiosk: GLFW error %d: %s\n", code, text);
}

} // namespace

std::unique_ptr<Window> Window::create(const WindowOptions& options, std::string& error) {
    auto self = open(options, error);
    if (self)
        self->attachImGui();
    return self;
}

bool Window::screenSize(int& width, int& height) {
    glfwSetErrorCallback(onGlfwError);
    if (!glfwInit())
        return false;
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    if (!mode)
        return false;
    width = mode->width;
    height = mode->height;
    return true;
}

std::unique_ptr<Window> Window::open(const WindowOptions& options, std::string& error) {
    glfwSetErrorCallback(onGlfwError);
    if (!glfwInit()) {
        error = "cannot open a window: no display (set DISPLAY, or run under xvfb-run -a)";
        return nullptr;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    GLFWmonitor* monitor = nullptr;
    int width = options.width, height = options.height;
    if (options.fullscreen) {
        monitor = glfwGetPrimaryMonitor();
        if (const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr) {
            width = mode->width;
            height = mode->height;
        }
    }
    GLFWwindow* w = glfwCreateWindow(width, height, options.title.c_str(), monitor, nullptr);
    if (!w) {
        error = "cannot create an OpenGL 3 window (no display or no OpenGL 3 driver)";
        glfwTerminate();
        return nullptr;
    }
    std::unique_ptr<Window> self(new Window());
    self->window_ = w;
    glfwSetWindowUserPointer(w, self.get());
    glfwMakeContextCurrent(w);
    glfwSwapInterval(1);

    glfwSetCursorPosCallback(w, onCursor);
    glfwSetMouseButtonCallback(w, onButton);
    glfwSetScrollCallback(w, onScroll);
    glfwSetKeyCallback(w, onKey);
    glfwSetCharCallback(w, onChar);
    glfwSetFramebufferSizeCallback(w, onSize);
    glfwSetWindowRefreshCallback(w, onRefresh);
    glfwSetWindowFocusCallback(w, onFocus);
    return self;
}

void Window::attachImGui() {
    ImGui_ImplGlfw_InitForOpenGL(window_, true); // chains to the callbacks above
    ImGui_ImplOpenGL3_Init("#version 130");
    imgui_ = true;
    createDeviceObjects();
}

// The backend makes its shaders and buffers together with an RGBA copy of the font atlas (4 bytes
// a pixel, on the CPU and again in the texture). It gets a one-pixel stand-in atlas instead, so
// it only creates the texture object; uploadFonts() fills that object with the real atlas.
void Window::createDeviceObjects() {
    ImGuiIO& io = ImGui::GetIO();
    ImFontAtlas standIn;
    standIn.TexPixelsRGBA32 = static_cast<unsigned int*>(IM_ALLOC(sizeof(unsigned int)));
    *standIn.TexPixelsRGBA32 = 0xFFFFFFFFu; // freed by the stand-in's destructor
    standIn.TexWidth = standIn.TexHeight = 1;
    ImFontAtlas* real = io.Fonts;
    io.Fonts = &standIn;
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    io.Fonts = real;
    fontTexture_ = static_cast<unsigned>(reinterpret_cast<std::uintptr_t>(standIn.TexID));
    // One channel read as (1, 1, 1, alpha) needs texture swizzle (core in 3.3, else extension).
    const int major = glfwGetWindowAttrib(window_, GLFW_CONTEXT_VERSION_MAJOR);
    const int minor = glfwGetWindowAttrib(window_, GLFW_CONTEXT_VERSION_MINOR);
    oneChannelFonts_ = major > 3 || (major == 3 && minor >= 3) ||
                       glfwExtensionSupported("GL_ARB_texture_swizzle") ||
                       glfwExtensionSupported("GL_EXT_texture_swizzle");
    if (real->TexPixelsAlpha8)
        uploadFonts();
}

void Window::uploadFonts() {
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &w, &h); // builds it if nobody did
    GLint last = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &last);
    glBindTexture(GL_TEXTURE_2D, fontTexture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    if (oneChannelFonts_) {
        // A quarter of the RGBA texture: the backend's shader reads (1, 1, 1, alpha) as before.
        glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
        const GLint swizzle[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
        glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
    } else {
        atlas.GetTexDataAsRGBA32(&pixels, &w, &h);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    }
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(last));
    atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(fontTexture_)));
    atlas.ClearTexData(); // the pixels live in the texture now
}

Window::~Window() {
    if (imgui_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
    }
    glfwDestroyWindow(window_);
    glfwTerminate();
}

bool Window::shouldClose() const {
    return glfwWindowShouldClose(window_);
}
void Window::waitEvents(double timeoutS) {
    glfwWaitEventsTimeout(timeoutS > 0 ? timeoutS : 0.0);
}
void Window::pollEvents() {
    glfwPollEvents();
}
void Window::wake() {
    glfwPostEmptyEvent();
}

void Window::newFrame() {
    if (ImGui::GetIO().Fonts->TexPixelsAlpha8)
        uploadFonts(); // the atlas was (re)built since the last upload
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
}

void Window::render(ImVec4 c) {
    glViewport(0, 0, framebufferWidth(), framebufferHeight());
    glClearColor(c.x, c.y, c.z, c.w);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Window::swap() {
    glfwSwapBuffers(window_);
}

void Window::fontsChanged() {
    // The same texture object takes the new atlas. (Dropping all device objects, the usual
    // advice, breaks the 1.86 OpenGL3 backend: DestroyDeviceObjects forgets the buffers but not
    // their recorded sizes, so the new, empty buffers are filled with glBufferSubData, which
    // fails, and every frame smaller than the largest one before is drawn blank.)
    uploadFonts();
}

bool Window::resize(int width, int height, double timeoutS) {
    glfwSetWindowSize(window_, width, height);
    const double until = glfwGetTime() + timeoutS;
    while (framebufferWidth() != width || framebufferHeight() != height) {
        if (glfwGetTime() > until)
            return false;
        glfwWaitEventsTimeout(0.02);
    }
    return true;
}

int Window::framebufferWidth() const {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    return w;
}

int Window::framebufferHeight() const {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    return h;
}

} // namespace repere::platform
