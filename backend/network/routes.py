from flask_smorest import Blueprint

blp = Blueprint("network", __name__)
