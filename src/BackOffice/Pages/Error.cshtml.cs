using Parasol.Core.Web;

namespace Parasol.BackOffice.Pages;

public sealed class ErrorModel : ErrorPageModel;
