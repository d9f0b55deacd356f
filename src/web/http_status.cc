#include "web/http_status.h"

#include <memory>
#include <string>

#include "web/api/api_json.h"
#include "web/pages/error_page.h"

namespace coolpapers::web {

int HttpStatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument: return 400;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kConflict: return 409;
    case ErrorCode::kUnavailable: return 503;
    case ErrorCode::kTimeout: return 504;
    case ErrorCode::kCorrupt: return 500;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

std::string_view HttpReason(int status) {
  switch (status) {
    case 200: return "OK";
    case 301: return "Moved Permanently";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Content Too Large";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Error";
  }
}

Response MakeErrorResponse(int status, std::string_view code_name, std::string_view message,
                           ErrorFormat format, const PageFrame& frame) {
  Response response;
  response.status = status;
  if (format == ErrorFormat::kJson) {
    response.content_type = kJsonType;
    response.body = std::make_shared<const std::string>(RenderErrorJson(code_name, message));
  } else {
    response.content_type = kHtmlType;
    response.body =
        std::make_shared<const std::string>(RenderErrorPage(status, HttpReason(status), message, frame));
  }
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

Response MakeErrorResponse(const Error& error, ErrorFormat format, const PageFrame& frame) {
  return MakeErrorResponse(HttpStatusFor(error.code), ErrorCodeName(error.code), error.message,
                           format, frame);
}

}  // namespace coolpapers::web
