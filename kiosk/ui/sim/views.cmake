# Included by kiosk/ui/CMakeLists.txt: the sim scenarios drawn as mock screens (their
# state machines are GUI-free in repere_item_models).
target_sources(repere_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/sim_parts.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sim_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/email_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/online_form_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/phishing_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/browser_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/phone_unlock_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/date_picker_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/photo_attach_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/list_popup_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/login_booking_view.cpp)
