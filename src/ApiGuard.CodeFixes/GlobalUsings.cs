global using System;
global using System.Collections.Generic;
global using System.Collections.Immutable;
global using System.Linq;
