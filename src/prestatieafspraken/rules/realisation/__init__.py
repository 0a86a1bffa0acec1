"""PA3xx, "Sturing op realisatie": one module per section of the handbook's chapter, as on the docs' chapter page.

==========================================================  ==============  ==============================
Section of the handbook                                     Module          Rules
==========================================================  ==============  ==============================
Maak de uitvoering concreet                                 `concrete`      PA301-PA303, PA305, PA313
Maak de uitvoering concreet: realisme en ambitie            `realism`       PA304, PA309
Monitoring en verantwoording                                `monitoring`    PA306-PA308, PA310, PA312, PA314
Net-stock accounting (practice of voorraadboekhouding)      `stocks`        PA311
==========================================================  ==============  ==============================

Importing the package registers every rule of the chapter.
"""

from prestatieafspraken.rules.realisation import (  # noqa: F401 - imported for their registrations
    concrete,
    monitoring,
    realism,
    stocks,
)
