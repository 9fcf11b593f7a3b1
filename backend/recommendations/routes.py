from flask_smorest import Blueprint

blp = Blueprint("recommendations", __name__)
