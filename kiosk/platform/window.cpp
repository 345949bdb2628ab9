#include "platform/window.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <cstdio>

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

    ImGui_ImplGlfw_InitForOpenGL(w, true);
    ImGui_ImplOpenGL3_Init("#version 130");
    return self;
}

Window::~Window() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
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
    // Only the font texture is made again. Dropping all device objects (the usual advice) breaks
    // the 1.86 OpenGL3 backend: DestroyDeviceObjects forgets the buffers but not their recorded
    // sizes, so the new, empty buffers are filled with glBufferSubData, which fails, and every
    // frame smaller than the largest one before is drawn blank.
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
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
