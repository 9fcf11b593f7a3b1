from flask_smorest import Blueprint

blp = Blueprint("intros", __name__)
