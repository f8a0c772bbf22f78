import os
import tempfile

filename = "settings.ini"

# This will most certainly put you at risk
tmp = os.path.join(tempfile.gettempdir(), filename)
if not os.path.exists(tmp):
    with open(tmp, "w") as file:
        file.write("defaults")
