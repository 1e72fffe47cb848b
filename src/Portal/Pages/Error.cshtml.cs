using Parasol.Core.Web;

namespace Parasol.Portal.Pages;

public sealed class ErrorModel : ErrorPageModel;
