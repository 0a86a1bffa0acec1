"""PA2xx, "Tot betekenisvolle afspraken komen": one module per section of the handbook's chapter.

==================================================  ===============  =========================
Section of the handbook                             Module           Rules
==================================================  ===============  =========================
Bespreek met elkaar het doel van afspraken…         `goals`          PA201
En blijf op je doel focussen!                       `goals`,         PA202, PA212;
                                                    `reciprocity`    PA203, PA204, PA211
Houd het bovenlokale belang voor ogen (kaders)      `frameworks`     PA207
Benut elkaars kwaliteiten                           `qualities`      PA205, PA206, PA213
Houd oog voor de politieke context van gemeenten    `politics`       PA208-PA210
==================================================  ===============  =========================

Importing the package registers every rule of the chapter.
"""

from prestatieafspraken.rules.meaningful import (  # noqa: F401 - imported for their registrations
    frameworks,
    goals,
    politics,
    qualities,
    reciprocity,
)
