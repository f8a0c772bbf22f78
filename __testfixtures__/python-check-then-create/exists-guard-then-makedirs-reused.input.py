import os


def render_cache():
    where = "/tmp/render-cache"
    if not os.path.exists(where):
        os.makedirs(where)
    else:
        print("reusing", where)
    return where
