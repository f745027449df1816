"""The app's HTTP server: static files of the web build and the built-in Charge Assist simulator."""
