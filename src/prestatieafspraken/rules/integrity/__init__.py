"""PA0xx, integrity: the facts every other rule reads can be read in one way only (errors).

The handbook asks for "een duidelijk overzicht van feiten en cijfers die maar op één manier interpreteerbaar zijn";
a reference to nothing, an id used twice, a year outside the perspective or a share above 100 % can be read in more
than one way. Every other rule skips what it cannot judge because of such a defect; these rules report it.

==========================================  ===============  ===============
What must have one reading                  Module           Rules
==========================================  ===============  ===============
References to ids                           `references`     PA001
Ids within their list                       `duplicates`     PA002
Years and dates                             `timeline`       PA003, PA004
Values against their indicator              `values`         PA005, PA006
==========================================  ===============  ===============

Importing the package registers every integrity rule.
"""

from prestatieafspraken.rules.integrity import (  # noqa: F401 - imported for their registrations
    duplicates,
    references,
    timeline,
    values,
)
