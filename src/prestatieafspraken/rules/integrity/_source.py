"""The sentence of the handbook the integrity rules implement: facts and figures with one reading."""

__all__ = ["ONE_READING"]

ONE_READING = (
    "Handreiking, Houd oog voor de politieke context van gemeenten: "
    '"een duidelijk overzicht van feiten en cijfers die maar op één manier interpreteerbaar zijn"'
)
