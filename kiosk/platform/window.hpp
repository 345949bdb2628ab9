// The kiosk window: GLFW + OpenGL 3 + the Dear ImGui backends, and an event-driven loop.
// When nothing moves the loop sleeps in glfwWaitEventsTimeout, so an idle kiosk rests the CPU.
#pragma once

#include <imgui.h>
#include <memory>
#include <string>

struct GLFWwindow;

namespace repere::platform {

struct WindowOptions {
    int width = 1280;
    int height = 800;
    bool fullscreen = false;
    std::string title = "Repère";
};

class Window {
public:
    // nullptr + `error` when there is no display or no OpenGL 3. create() = open() then
    // attachImGui() (the current ImGui context gets the GLFW and OpenGL3 backends).
    static std::unique_ptr<Window> create(const WindowOptions& options, std::string& error);
    // The window and its OpenGL context only: no ImGui context is needed yet, so the kiosk bakes
    // its fonts on a worker meanwhile (the two longest steps of start-up, side by side).
    static std::unique_ptr<Window> open(const WindowOptions& options, std::string& error);
    void attachImGui();
    // The primary monitor's size (what a full-screen window gets); false without a display.
    static bool screenSize(int& width, int& height);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    bool shouldClose() const;
    // Sleeps until an input event arrives or `timeoutS` passes.
    void waitEvents(double timeoutS);
    void pollEvents();
    // Wakes a sleeping loop from any thread (sound finished, background work done).
    static void wake();
    // Number of input/window events seen so far: the loop draws a few frames after each change.
    unsigned long eventCount() const { return events_; }

    // Start of frame for the backends (ImGui::NewFrame is the caller's).
    void newFrame();
    // Draws ImGui's draw data on a cleared framebuffer; swap() shows it.
    void render(ImVec4 clearColour);
    void swap();
    // Call after the font atlas was rebuilt (window resized): re-uploads it. newFrame() also
    // uploads an atlas built since the last upload. The upload frees the atlas's CPU pixels.
    void fontsChanged();
    // Asks for a new window size and waits (at most timeoutS) until the framebuffer has it.
    bool resize(int width, int height, double timeoutS);

    int framebufferWidth() const;
    int framebufferHeight() const;
    GLFWwindow* handle() const { return window_; }

    // Called by the GLFW callbacks.
    void noteEvent() { ++events_; }

private:
    Window() = default;
    void createDeviceObjects();
    void uploadFonts();
    GLFWwindow* window_ = nullptr;
    bool imgui_ = false;           // attachImGui() ran: the backends are shut down with the window
    unsigned fontTexture_ = 0;     // made by the ImGui backend, which deletes it
    bool oneChannelFonts_ = false; // GL can swizzle: the atlas is uploaded at 1 byte a pixel
    unsigned long events_ = 0;
};

} // namespace repere::platform
