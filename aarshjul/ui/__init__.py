"""The Qt user interface: main window, wheel widget, document and panels."""
