# The app in a container, for those who deploy with containers (not built by the tests here:
# the tests run the same HAProxy configuration on loopback, see scripts/cluster.sh).
FROM python:3.11-slim-bookworm
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app.py ./
COPY .streamlit/config.toml .streamlit/config.toml
COPY access access
COPY formats formats
COPY logic logic
COPY questions questions
COPY report report
COPY storage storage
COPY ui ui
COPY web web
RUN useradd --system --home /app hostingfit && mkdir -p data && chown hostingfit data
USER hostingfit
EXPOSE 8501
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=3)"
CMD ["python", "-m", "streamlit", "run", "web/serve.py", "--server.address", "0.0.0.0", "--server.port", "8501"]
