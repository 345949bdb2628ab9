# Included by kiosk/ui/CMakeLists.txt: the four sim scenarios drawn as mock screens (their
# state machines are GUI-free in repere_item_models).
target_sources(repere_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/sim_parts.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sim_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/email_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/online_form_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/phishing_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/browser_view.cpp)
