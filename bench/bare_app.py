"""The reference point for bench/api.py: a bare Flask JSON endpoint doing no moderation."""

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/moderate")
def moderate():
    body = request.get_json()
    return jsonify(id="bare", decision="approve", length=len(body.get("text", "")))
