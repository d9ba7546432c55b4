"""Finds the dialog's controls in a screenshot, for answering it with the mouse like a person
who looks at it. Written for Qt's Fusion style (the style on a plain X server): an unticked
checkbox is a square of 12-18 px with a light-grey border; a push button is a wider box with a
grey border, rounded at the corners. No accessibility bus is needed, and the product needs no test hooks.
"""


def read_ppm(data):
    """(width, height, rgb bytes) of a binary PPM (P6, maxval 255)."""
    fields = []
    offset = 0
    while len(fields) < 4:
        while data[offset:offset + 1].isspace():
            offset += 1
        if data[offset:offset + 1] == b"#":
            offset = data.index(b"\n", offset) + 1
            continue
        end = offset
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[offset:end])
        offset = end
    if fields[0] != b"P6" or int(fields[3]) != 255:
        raise ValueError("not an 8-bit binary PPM")
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[offset + 1:offset + 1 + width * height * 3]


class Image:
    def __init__(self, ppm):
        self.width, self.height, self.rgb = read_ppm(ppm)

    def is_border(self, x, y):
        """A neutral grey of the kind Fusion draws frames with."""
        if not (0 <= x < self.width and 0 <= y < self.height):
            return False
        at = (y * self.width + x) * 3
        red, green, blue = self.rgb[at], self.rgb[at + 1], self.rgb[at + 2]
        return abs(red - green) < 8 and abs(green - blue) < 8 and 0x90 <= red <= 0xd8

    def column_is_border(self, x, top, bottom):
        return all(self.is_border(x, y) for y in range(top, bottom + 1))

    def _box_below(self, left, right, top, min_height, max_height):
        for height in range(min_height, max_height + 1):
            bottom = top + height - 1
            if (self.column_is_border(left, top + 3, bottom - 3)
                    and self.column_is_border(right, top + 3, bottom - 3)
                    and all(self.is_border(i, bottom) for i in range(left + 3, right - 2))):
                return (left, top, right - left + 1, height)
        return None

    def boxes(self, min_width, max_width, min_height, max_height):
        """Rectangles (x, y, w, h) whose whole outline, corners aside, is border grey."""
        found = []
        for y in range(self.height):
            x = 0
            while x < self.width:
                if not self.is_border(x, y):
                    x += 1
                    continue
                start = x
                while x < self.width and self.is_border(x, y):
                    x += 1
                # A top edge: with square corners the run includes them, with rounded ones
                # (buttons) the side edges lie a pixel or two outside it.
                box = None
                for left in (start, start - 1, start - 2):
                    for right in (x - 1, x, x + 1):
                        if box is None and min_width <= right - left + 1 <= max_width:
                            box = self._box_below(left, right, y, min_height, max_height)
                if box:
                    found.append(box)
        return found


def checkbox_centres(image):
    """Centres of the checkboxes, top to bottom."""
    squares = [b for b in image.boxes(12, 18, 12, 18) if abs(b[2] - b[3]) <= 1]
    return [(x + w // 2, y + h // 2) for x, y, w, h in sorted(squares, key=lambda b: (b[1], b[0]))]


def button_boxes(image):
    """Grey-framed push buttons in the lowest row of buttons, left to right. A focused or
    default button is framed in the highlight colour and is not among them."""
    buttons = image.boxes(50, 200, 20, 40)
    if not buttons:
        return []
    lowest = max(y for _, y, _, _ in buttons)
    return sorted((b for b in buttons if abs(b[1] - lowest) <= 4), key=lambda b: b[0])
