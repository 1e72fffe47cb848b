namespace Parasol.Core.Districts;

public enum HouseNumberParity
{
    All = 0,
    Odd = 1,
    Even = 2,
}
