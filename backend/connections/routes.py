from flask_smorest import Blueprint

blp = Blueprint("connections", __name__)
