# Included by kiosk/ui/CMakeLists.txt: the ImGui renderers of the item types (their GUI-free
# models are in repere_item_models, see CMakeLists.txt in this folder).
target_sources(repere_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/item_parts.cpp
  ${CMAKE_CURRENT_LIST_DIR}/form_parts.cpp
  ${CMAKE_CURRENT_LIST_DIR}/hotspot_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/match_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/order_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/gaps_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/form_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mark_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/write_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/speak_view.cpp)
