"""The single-process web server: the Streamlit app behind Starlette, with the headers the
company deployment's proxy also sets."""
