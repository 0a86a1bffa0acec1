"""PA1xx, "Een goede start": one module per section of the handbook's chapter, as on the docs' chapter page.

=================================================  ==================  =========================
Section of the handbook                            Module              Rules
=================================================  ==================  =========================
Een heldere bestuurlijke opdracht                  `assignment`        PA101-PA104, PA122-PA124
Bestuurders en beleidsmedewerkers met mandaat      `mandates`          PA105-PA107
Mensen die echt voor samenwerking gaan             `coalition`         PA108-PA110, PA125
Deadlines helpen                                   `deadlines`         PA111-PA114
Een gezamenlijk beeld van wat er moet gebeuren     `shared_picture`    PA115-PA116
Onafhankelijke coördinatie bij een proces          `coordination`      PA117-PA118
Betrek je huurdersorganisaties                     `tenants`           PA119-PA120, PA126
=================================================  ==================  =========================

Importing the package registers every rule of the chapter.
"""

from prestatieafspraken.rules.start import (  # noqa: F401 - imported for their registrations
    assignment,
    coalition,
    coordination,
    deadlines,
    mandates,
    shared_picture,
    tenants,
)
