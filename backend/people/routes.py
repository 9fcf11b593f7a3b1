from flask_smorest import Blueprint

blp = Blueprint("people", __name__)
